using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contrail.Generators.Common;
using static Contrail.Generators.Errors.ErrorCatalogText;

namespace Contrail.Generators.Errors;

/// <summary>
/// The catalog part of an error catalog: the <c>Catalog</c> list of descriptors and the
/// <c>[assembly: ErrorCatalog]</c> JSON that <c>contrail errors list</c> and referencing assemblies read.
/// </summary>
internal static class ErrorCatalogListWriter
{
    /// <summary>Writes <c>Domain</c> (when the assembly has one) and <c>Catalog</c>, whose <c>ErrorDescriptor</c> is a runtime member.</summary>
    public static void Write(SourceWriter writer, IReadOnlyList<GrpcErrorModel> errors, ErrorCatalogSettings settings)
    {
        if (settings.DefaultDomain is not null)
        {
            writer.WriteLine("/// <summary>The default <c>ErrorInfo.domain</c> of this assembly's errors.</summary>");
            writer.WriteLine($"public const string Domain = {CSharpText.Literal(settings.DefaultDomain)};");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Every error of this assembly, ordered by domain and reason.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<ErrorDescriptor> Catalog { get; } = new ErrorDescriptor[]");
        writer.OpenBrace();
        foreach (var error in Ordered(errors, settings))
        {
            var keys = error.Metadata.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", error.Metadata.Select(m => CSharpText.Literal(m.Key))) + " }";
            writer.WriteLine($"new ErrorDescriptor(global::Contrail.GrpcStatusCode.{Codes[error.Code].Member}, {CSharpText.Literal(error.Reason)}, {CSharpText.Literal(DomainOf(error, settings))}, {keys}, {Codes[error.Code].Http}, {CSharpText.Literal(error.DisplayName)}, {(error.MessageTemplate is null ? "null" : CSharpText.Literal(error.MessageTemplate))}),");
        }

        writer.CloseBrace(";");
    }

    /// <summary>The <c>[assembly: ErrorCatalog]</c> JSON: one object per error, in catalog order.</summary>
    public static string Json(IReadOnlyList<GrpcErrorModel> errors, ErrorCatalogSettings settings)
    {
        var json = new StringBuilder("{\"version\":1,\"errors\":[");
        var first = true;
        foreach (var error in Ordered(errors, settings))
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            json.Append("{\"domain\":").Append(JsonText.Quote(DomainOf(error, settings)))
                .Append(",\"reason\":").Append(JsonText.Quote(error.Reason))
                .Append(",\"code\":").Append(JsonText.Quote(Codes[error.Code].Wire))
                .Append(",\"codeValue\":").Append(error.Code.ToString(CultureInfo.InvariantCulture))
                .Append(",\"httpStatus\":").Append(Codes[error.Code].Http.ToString(CultureInfo.InvariantCulture))
                .Append(",\"metadataKeys\":[").Append(string.Join(",", error.Metadata.Select(m => JsonText.Quote(m.Key)))).Append(']')
                .Append(",\"message\":").Append(JsonText.Quote(error.MessageTemplate))
                .Append(",\"source\":").Append(JsonText.Quote(error.DisplayName))
                .Append('}');
        }

        return json.Append("]}").ToString();
    }
}
