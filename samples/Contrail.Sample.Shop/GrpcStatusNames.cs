using System.Text;
using Grpc.Core;

namespace Contrail.Sample.Shop;

/// <summary>Status codes as the gRPC specification names them.</summary>
internal static class GrpcStatusNames
{
    /// <summary>The specification's name of <paramref name="code"/>, e.g. <c>DEADLINE_EXCEEDED</c>.</summary>
    public static string Of(StatusCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The specification's name of a code in Contrail's attributes, e.g. <c>NOT_FOUND</c>.</summary>
    public static string Of(GrpcStatusCode code) => Of((StatusCode)(int)code);
}
