using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Generators.Common;
using static Contrail.Generators.Errors.ErrorCatalogText;

namespace Contrail.Generators.Errors;

/// <summary>
/// The client part of an error catalog: <c>TryGetErrorInfo</c>, an <c>Is…</c> test per error, and a
/// <c>TryGet…</c> per exception type a client can rebuild from the metadata.
/// </summary>
internal static class ErrorClientHelpersWriter
{
    public static void Write(SourceWriter writer, IReadOnlyList<GrpcErrorModel> errors, ErrorCatalogSettings settings, Dictionary<GrpcErrorModel, string> helperNames)
    {
        var notNullWhen = settings.HasNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Reads the <c>google.rpc.ErrorInfo</c> a server put in the call's <c>grpc-status-details-bin</c> trailer.");
        writer.WriteLine("/// Never throws: a missing or malformed trailer returns <see langword=\"false\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public static bool TryGetErrorInfo({RpcException} exception, out string reason, out string domain, out global::System.Collections.Generic.IReadOnlyDictionary<string, string> metadata)");
        writer.OpenBrace();
        writer.WriteLine($"var found = {Wire}.TryRead(exception, out reason, out domain, out var entries);");
        writer.WriteLine("metadata = entries;");
        writer.WriteLine("return found;");
        writer.CloseBrace();

        foreach (var error in Ordered(errors, settings))
        {
            var name = helperNames[error];
            var domain = CSharpText.Literal(DomainOf(error, settings));
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Whether the call failed with {error.Reason} ({CSharpText.XmlDoc(DomainOf(error, settings))}).</summary>");
            writer.WriteLine($"public static bool Is{name}({RpcException} exception) =>");
            using (writer.Indent())
            {
                writer.WriteLine($"{Wire}.Matches(exception, {CSharpText.Literal(error.Reason)}, {domain}, out _);");
            }

            if (error.Kind != ErrorSourceKind.Exception || error.Rebuild is null)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine($"/// <summary>Rebuilds the <see cref=\"{error.TypeName}\"/> a server sent, with its metadata; <see langword=\"false\"/> when the call failed otherwise.</summary>");
            writer.WriteLine($"{Access(error)} static bool TryGet{name}({RpcException} exception, {notNullWhen}out {error.TypeName}? error)");
            writer.OpenBrace();
            writer.WriteLine("error = null;");
            writer.WriteLine($"if (!{Wire}.Matches(exception, {CSharpText.Literal(error.Reason)}, {domain}, out var metadata))");
            writer.OpenBrace();
            writer.WriteLine("return false;");
            writer.CloseBrace();
            writer.WriteLine();
            foreach (var entry in error.Metadata)
            {
                writer.WriteLine($"if (!({ParseCall(entry)}))");
                writer.OpenBrace();
                writer.WriteLine("return false;");
                writer.CloseBrace();
                writer.WriteLine();
            }

            var arguments = string.Join(", ", error.Rebuild.ConstructorKeys.Select(Local));
            var initializers = error.Rebuild.SettableKeys.Count == 0
                ? string.Empty
                : " { " + string.Join(", ", error.Rebuild.SettableKeys.Select(k => $"{CSharpText.Identifier(error.Metadata.First(m => m.Key == k).PropertyName)} = {Local(k)}")) + " }";
            writer.WriteLine($"error = new {error.TypeName}({arguments}){initializers};");
            writer.WriteLine("return true;");
            writer.CloseBrace();
        }
    }


    private static string ParseCall(ErrorMetadataModel entry)
    {
        var text = entry.Key + "Text";
        var read = $"{Wire}.TryGet(metadata, {CSharpText.Literal(entry.Key)}, out var {text})";
        var local = Local(entry.Key);
        var parse = entry.ValueKind switch
        {
            MetadataValueKind.String => $"{Wire}.Identity({text}, out var {local})",
            MetadataValueKind.Boolean => $"bool.TryParse({text}, out var {local})",
            MetadataValueKind.Integral => $"{entry.TypeName}.TryParse({text}, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var {local})",
            MetadataValueKind.Guid => $"global::System.Guid.TryParse({text}, out var {local})",
            _ => $"global::System.Enum.TryParse<{entry.TypeName}>({text}, out var {local})",
        };

        if (entry.IsNullableValueType)
        {
            // An empty value stands for null.
            parse = $"{Wire}.TryParseOptional({text}, static (string value, out {entry.TypeName} parsed) => {parse.Replace($"out var {local}", "out parsed").Replace(text, "value")}, out var {local})";
        }

        return $"{read} && {parse}";
    }
}
