using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Generators.Common;
using static Contrail.Generators.Errors.ErrorCatalogText;

namespace Contrail.Generators.Errors;

/// <summary>
/// The server part of an error catalog: <c>TryCreateRpcException</c> (most derived mapped type first,
/// then referenced catalogs) and one <c>ToRpcException</c> per exception type and per error enum.
/// </summary>
internal static class ErrorServerMappingWriter
{
    public static void Write(SourceWriter writer, IReadOnlyList<GrpcErrorModel> errors, ErrorCatalogSettings settings)
    {
        var exceptions = errors.Where(e => e.Kind == ErrorSourceKind.Exception)
            .OrderByDescending(e => e.Depth).ThenBy(e => e.TypeName, StringComparer.Ordinal).ToList();

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Builds the <see cref=\"global::Grpc.Core.RpcException\"/> the client receives for a mapped exception (the most");
        writer.WriteLine("/// derived mapped type wins), or returns <see langword=\"null\"/> when the exception is not mapped.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public static {RpcException}? TryCreateRpcException(global::System.Exception exception)");
        writer.OpenBrace();
        if (exceptions.Count > 0)
        {
            writer.WriteLine("switch (exception)");
            writer.OpenBrace();
            foreach (var error in exceptions)
            {
                writer.WriteLine($"case {error.TypeName} mapped:");
                using (writer.Indent())
                {
                    writer.WriteLine("return ToRpcException(mapped);");
                }
            }

            writer.CloseBrace();
            writer.WriteLine();
        }

        WriteMapperChain(writer, "return ", settings.ReferencedMappers.ToList(), "null");
        writer.CloseBrace();

        foreach (var error in exceptions.OrderBy(e => e.TypeName, StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Builds the <see cref=\"global::Grpc.Core.RpcException\"/> for <see cref=\"{error.TypeName}\"/>: {error.Reason}.</summary>");
            writer.WriteLine($"{Access(error)} static {RpcException} ToRpcException(this {error.TypeName} exception)");
            writer.OpenBrace();
            writer.WriteLine("if (exception is null)");
            writer.OpenBrace();
            writer.WriteLine("throw new global::System.ArgumentNullException(nameof(exception));");
            writer.CloseBrace();
            writer.WriteLine();
            foreach (var entry in error.Metadata)
            {
                writer.WriteLine($"var {Local(entry.Key)} = {FormatValue("exception." + CSharpText.Identifier(entry.PropertyName), entry)};");
            }

            var exceptionMessage = error.HidesMessage ? "((global::System.Exception)exception).Message" : "exception.Message";
            var message = error.MessageParts.Count == 0 ? exceptionMessage : MessageExpression(error.MessageParts, key => Local(key));
            var metadata = error.Metadata.Count == 0
                ? $"global::System.Array.Empty<{Pairs}>()"
                : "new[] { " + string.Join(", ", error.Metadata.Select(m => $"new {Pairs}({CSharpText.Literal(m.Key)}, {Local(m.Key)})")) + " }";
            writer.WriteLine($"return {Wire}.CreateException({StatusCode}.{Codes[error.Code].Member}, {message}, {CSharpText.Literal(error.Reason)}, {CSharpText.Literal(DomainOf(error, settings))}, {metadata});");
            writer.CloseBrace();
        }

        foreach (var group in errors.Where(e => e.Kind == ErrorSourceKind.EnumMember).GroupBy(e => e.TypeName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Builds the <see cref=\"global::Grpc.Core.RpcException\"/> for a <see cref=\"{group.Key}\"/> error.</summary>");
            writer.WriteLine("/// <param name=\"error\">The error.</param>");
            writer.WriteLine("/// <param name=\"metadata\">The <c>ErrorInfo.metadata</c> entries; they also fill the message's <c>{key}</c> placeholders.</param>");
            writer.WriteLine($"{Access(group.First())} static {RpcException} ToRpcException(this {group.Key} error, global::System.Collections.Generic.IReadOnlyDictionary<string, string>? metadata = null)");
            writer.OpenBrace();
            writer.WriteLine($"var entries = {Wire}.Sorted(metadata);");
            writer.WriteLine("switch (error)");
            writer.OpenBrace();
            foreach (var error in group.OrderBy(e => e.MemberName, StringComparer.Ordinal))
            {
                var message = error.MessageParts.Count == 0
                    ? CSharpText.Literal(error.Reason)
                    : MessageExpression(error.MessageParts, key => $"{Wire}.Lookup(metadata, {CSharpText.Literal(key)})");
                writer.WriteLine($"case {group.Key}.{CSharpText.Identifier(error.MemberName!)}:");
                using (writer.Indent())
                {
                    writer.WriteLine($"return {Wire}.CreateException({StatusCode}.{Codes[error.Code].Member}, {message}, {CSharpText.Literal(error.Reason)}, {CSharpText.Literal(DomainOf(error, settings))}, entries);");
                }
            }

            writer.WriteLine("default:");
            using (writer.Indent())
            {
                writer.WriteLine($"throw new global::System.ArgumentOutOfRangeException(nameof(error), error, \"The value has no [GrpcError] mapping.\");");
            }

            writer.CloseBrace();
            writer.CloseBrace();
        }
    }


    private static string MessageExpression(EquatableArray<string> parts, Func<string, string> value)
    {
        var pieces = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i % 2 == 1)
            {
                pieces.Add(value(parts[i]));
            }
            else if (parts[i].Length > 0)
            {
                pieces.Add(CSharpText.Literal(parts[i]));
            }
        }

        return pieces.Count switch
        {
            0 => "string.Empty",
            1 => pieces[0],
            _ => "string.Concat(" + string.Join(", ", pieces) + ")",
        };
    }

    private static string FormatValue(string access, ErrorMetadataModel entry)
    {
        var invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        if (entry.IsNullableValueType)
        {
            return entry.ValueKind switch
            {
                MetadataValueKind.Boolean => $"{access} is bool {entry.Key}Flag ? ({entry.Key}Flag ? \"true\" : \"false\") : string.Empty",
                MetadataValueKind.Integral => $"{access}?.ToString({invariant}) ?? string.Empty",
                MetadataValueKind.Guid => $"{access}?.ToString(\"D\") ?? string.Empty",
                _ => $"{access}?.ToString() ?? string.Empty",
            };
        }

        return entry.ValueKind switch
        {
            MetadataValueKind.String => $"{access} ?? string.Empty",
            MetadataValueKind.Boolean => $"{access} ? \"true\" : \"false\"",
            MetadataValueKind.Integral => $"{access}.ToString({invariant})",
            MetadataValueKind.Guid => $"{access}.ToString(\"D\")",
            _ => $"{access}.ToString()",
        };
    }
}
