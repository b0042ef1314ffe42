using System.IO;
using System.Linq;

namespace Contrail.Sample.Shop;

/// <summary>
/// Prints <see cref="ShopErrors.Catalog"/>: every <c>[GrpcError]</c> of the sample, as Contrail's generator
/// collected it at compile time.
/// </summary>
internal static class ErrorCatalogView
{
    public static void Print(TextWriter writer)
    {
        var errors = ShopErrors.Catalog;
        writer.WriteLine($"Error catalog ({nameof(ShopErrors)}.{nameof(ShopErrors.Catalog)}, {errors.Count} {(errors.Count == 1 ? "error" : "errors")}):");
        var codeWidth = errors.Max(e => GrpcStatusNames.Of(e.Code).Length);
        var reasonWidth = errors.Max(e => e.Reason.Length);
        foreach (var error in errors)
        {
            writer.WriteLine($"  {GrpcStatusNames.Of(error.Code).PadRight(codeWidth)}  {error.Reason.PadRight(reasonWidth)}  "
                + $"domain={error.Domain}  metadata=[{string.Join(", ", error.MetadataKeys)}]  http={error.HttpStatus}");
        }
    }
}
