using System.Collections.Generic;
using System.Linq;
using static Contrail.Generators.Tests.Fuzzing.FuzzText;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// Writes <c>[GrpcError]</c> exception types and enum members with <c>[ErrorMetadata]</c> properties and an
/// <c>[assembly: ErrorDomain]</c>, of the shapes docs/errors.md describes, mutated.
/// </summary>
internal static class ErrorDeclarations
{
    private static readonly string[] s_codes = { "GrpcStatusCode.NotFound", "GrpcStatusCode.FailedPrecondition", "GrpcStatusCode.InvalidArgument", "GrpcStatusCode.Unavailable", "GrpcStatusCode.Internal" };

    private static readonly string[] s_misusedCodes =
    {
        "GrpcStatusCode.OK", "(GrpcStatusCode)99", "(GrpcStatusCode)(-1)", "(GrpcStatusCode)17", "0", "(GrpcStatusCode)int.MaxValue", "default", "(GrpcStatusCode)16",
        "Grpc.Core.StatusCode.NotFound", "(GrpcStatusCode)Grpc.Core.StatusCode.Aborted",
    };

    private static readonly string[] s_reasons = { Literal("ORDER_NOT_FOUND"), Literal("ORDER_ARCHIVED"), Literal("PAYMENT_DECLINED"), Literal("STOCK_EXHAUSTED") };

    private static readonly string[] s_misusedReasons = MisusedStrings.Concat(new[]
    {
        Literal("lower_case"), Literal("A"), Literal("_LEADING"), Literal("TRAILING_"), Literal(new string('R', 64)), Literal(new string('R', 63)), Literal("ÜNÏCODE_REASON"), Literal("ORDER-NOT-FOUND"),
    }).ToArray();

    private static readonly string[] s_domains = { Literal("shop.acme.example"), Literal("payments.acme.example") };
    private static readonly string[] s_catalogNames = { Literal("ShopErrors"), Literal("PaymentErrors") };

    private static readonly string[] s_misusedCatalogNames = MisusedStrings.Concat(new[]
    {
        Literal("1abc"), Literal("My Errors"), Literal("@class"), Literal("OrderNotFoundException"), Literal("GrpcStatusDetails"), Literal("ContrailServerTelemetry"),
        Literal("Contrail"), Literal("Acme"), Literal("Shop"), Literal("GrpcErrors"), Literal("PaymentError"), Literal("Ünïcode"),
    }).ToArray();

    private static readonly string[] s_keys = { "orderId", "year", "retryable", "last4", "region" };
    private static readonly string[] s_misusedKeys = { "", "OrderId", "order_id", "class", "namespace", new string('k', 65), "ключ", "a b", "exception", "metadata", "error", "value", "orderId" };
    private static readonly string[] s_propertyTypes = { "string", "int", "long?", "bool", "bool?", "Guid", "CardBrand", "CardBrand?", "ulong", "byte", "short", "uint" };
    private static readonly string[] s_misusedPropertyTypes = { "DateTime", "object", "string?", "int[]", "nint", "char", "double", "decimal", "Missing", "dynamic", "(int, string)", "Guid?", "Exception", "T", "List<string>", "float" };
    private static readonly string[] s_propertyNames = { "OrderId", "Year", "Retryable", "Last4", "Region" };
    private static readonly string[] s_misusedPropertyNames = { "@class", "Message", "Data", "InnerException", "@namespace", "Ünïcode", "exception", "Value", "HResult" };
    private static readonly string[] s_exceptionNames = { "OrderNotFoundException", "OrderArchivedException", "PaymentDeclinedException" };
    private static readonly string[] s_misusedExceptionNames = { "Exception", "@class", "ErrorInfoException", "CatalogException", "OrderNotFound", "ShopErrors", "Ünïcode", "OrderNotFoundException" };

    public static void Write(FuzzRandom r, MisuseSource source)
    {
        source.Use("System", "Contrail");
        if (!r.Misuse())
        {
            var catalogName = r.Chance(0.6) ? $", CatalogName = {r.Choose(s_catalogNames, s_misusedCatalogNames)}" : string.Empty;
            source.AssemblyAttribute($"ErrorDomain({r.Choose(s_domains, MisusedStrings)}{catalogName})");
            if (r.Misuse() && r.Chance(0.3))
            {
                source.AssemblyAttribute($"ErrorDomain({r.Choose(s_domains, MisusedStrings)})");
            }
        }

        source.Member(r.Misuse() && r.Chance(0.3)
            ? "public enum CardBrand : byte { Visa, Amex, @default = 7 }"
            : "public enum CardBrand { Visa, Amex, Other }");

        var exceptions = new List<string>();
        var count = r.Between(r.Chance(0.3) ? 0 : 1, 3);
        for (var i = 0; i < count; i++)
        {
            source.Member(Exception(r, exceptions));
        }

        if (count == 0 || r.Chance(0.4))
        {
            source.Member(ErrorEnum(r, r.Pick("PaymentError", "StockError")));
        }

        if (r.Misuse() && r.Chance(0.3))
        {
            source.Member(r.Pick(
                $"public class NotAnError\n{{\n    [ErrorMetadata(\"orderId\")] public string OrderId {{ get; }} = \"\";\n    [GrpcError(GrpcStatusCode.NotFound, \"NOT_AN_ERROR\")] public void Method() {{ }}\n}}",
                "[GrpcError(GrpcStatusCode.NotFound, \"A_STRUCT\")]\npublic struct NotAnException { }",
                "[GrpcError(GrpcStatusCode.NotFound, \"AN_INTERFACE\")]\npublic interface IError { }",
                "[GrpcError(GrpcStatusCode.NotFound, \"A_DELEGATE\")]\npublic delegate void ErrorHandler();",
                "public static partial class ShopErrors { public static void Extra() { } }",
                "public sealed class ShopErrors { }"));
        }

        if (source.CanAddNamespaces && r.Misuse() && r.Chance(0.3))
        {
            // The same error names in another namespace: the catalog moves to the common namespace and helper names meet.
            source.MemberInNamespace("Acme.Billing", Exception(r, new List<string>()));
        }
    }

    private static string Exception(FuzzRandom r, List<string> declared)
    {
        var name = r.Choose(s_exceptionNames.Except(declared).ToArray(), s_misusedExceptionNames);
        var attribute = GrpcError(r, allowMetadataPlaceholders: true);
        var kind = r.Misuse() && r.Chance(0.5) ? r.Pick("struct", "record", "interface", "static class", "abstract class", "record class", "readonly struct") : "class";
        var accessibility = r.Choose(new[] { "public ", "internal ", string.Empty }, new[] { "file ", "private ", "protected " });
        var modifiers = r.Misuse() ? r.Pick("sealed ", "partial ", "unsafe ", "abstract ", "new ") : r.Chance(0.5) ? "sealed " : string.Empty;
        var (typeParameters, constraints) = r.Misuse() && r.Chance(0.4) ? r.Pick(("<T>", string.Empty), ("<T>", " where T : class")) : (string.Empty, string.Empty);
        var baseType = r.Choose(
            new[] { "Exception", "InvalidOperationException" },
            declared.Concat(new[] { "object", "Missing", "Grpc.Core.RpcException", "ArgumentException", "Exception, IDisposable", "OperationCanceledException" }).ToArray());
        var primaryConstructor = r.Misuse() && r.Chance(0.3) ? r.Pick("(string orderId)", "()", "(string orderId, int year)") : string.Empty;
        if (primaryConstructor.Length > 0 && baseType == "Exception")
        {
            baseType = "Exception(\"primary\")";
        }

        var properties = new List<(string Type, string Name)>();
        var members = new List<string>();
        var metadataCount = r.Between(0, 3);
        var keys = new List<string>();
        for (var i = 0; i < metadataCount; i++)
        {
            members.Add(MetadataProperty(r, properties, keys));
        }

        members.Insert(0, Constructor(r, name, properties));
        if (r.Misuse() && r.Chance(0.3))
        {
            members.Add(r.Pick(
                "[ErrorMetadata(\"count\")] public int Count;",
                "[ErrorMetadata(\"item\")] public string this[int i] => \"x\";",
                "[ErrorMetadata(\"message\")] public override string Message => \"overridden\";",
                "[ErrorMetadata(\"tag\")] public static string Tag { get; } = \"x\";",
                "[ErrorMetadata(\"secret\")] private string Secret { get; } = \"x\";",
                "[ErrorMetadata(\"writeOnly\")] public string WriteOnly { set { } }",
                "[ErrorMetadata(\"hidden\")] public new string Source => \"x\";",
                "public required string Required { get; init; }",
                "[ErrorMetadata(\"required\")] public required string Required { get; init; }",
                "[ErrorMetadata(\"abstract\")] public abstract string Abstract { get; }",
                "[ErrorMetadata(\"explicit\")] string IDisposable.ToString => \"x\";"));
        }

        var body = string.Join("\n\n", members).Replace("\n", "\n    ");
        var declaration = $"{attribute}\n{accessibility}{modifiers}{kind} {name}{typeParameters}{primaryConstructor} : {baseType}{constraints}\n{{\n    {body}\n}}";
        if (r.Misuse() && r.Chance(0.2))
        {
            declaration = "[Obsolete(\"Use something else.\")]\n" + declaration;
        }

        declared.Add(name);
        return r.Misuse() && r.Chance(0.5) ? Nest(r, declaration) : declaration;
    }

    private static string Nest(FuzzRandom r, string declaration)
    {
        var container = r.Pick("public static class Errors", "public class Outer<T>", "internal struct Outer", "public partial class Outer", "file static class Hidden", "public interface IOuter", "internal static class Outer");
        return $"{container}\n{{\n    {declaration.Replace("\n", "\n    ")}\n}}";
    }

    private static string GrpcError(FuzzRandom r, bool allowMetadataPlaceholders)
    {
        var arguments = new List<string> { r.Choose(s_codes, s_misusedCodes), r.Choose(s_reasons, s_misusedReasons) };
        if (r.Chance(0.3))
        {
            arguments.Add($"Domain = {r.Choose(s_domains, MisusedStrings)}");
        }

        if (r.Chance(0.4))
        {
            var placeholder = allowMetadataPlaceholders ? r.Pick(s_keys) : "last4";
            arguments.Add($"Message = {r.Choose(new[] { Literal($"Order {{{placeholder}}} was not found."), Literal("Not found.") }, MisusedStrings.Concat(new[] { Literal("{"), Literal("}"), Literal("{{x}}"), Literal("{}"), Literal("{missing}"), Literal("{orderId}{orderId}"), Literal("{ orderId }") }).ToArray())}");
        }

        if (r.Misuse() && r.Chance(0.15))
        {
            arguments = r.Pick(new List<string>(), new List<string> { r.Pick(s_codes) }, new List<string> { "null", "null" }, new List<string> { "Reason = \"X_Y\"" });
        }

        return $"[GrpcError({string.Join(", ", arguments)})]";
    }

    private static string MetadataProperty(FuzzRandom r, List<(string Type, string Name)> properties, List<string> keys)
    {
        var key = r.Choose(s_keys.Except(keys).ToArray(), keys.Concat(s_misusedKeys).ToArray());
        keys.Add(key);
        var type = r.Choose(s_propertyTypes, s_misusedPropertyTypes);
        var name = r.Choose(s_propertyNames.Except(properties.Select(p => p.Name)).ToArray(), s_misusedPropertyNames);
        properties.Add((type, name));
        var accessibility = r.Choose(new[] { "public " }, new[] { "internal ", "protected ", "private ", "protected internal ", "private protected " });
        var modifiers = r.Misuse() ? r.Pick("static ", "virtual ", "new ", "abstract ", "override ", "required ", "unsafe ") : string.Empty;
        var accessors = r.Choose(new[] { "{ get; }", "{ get; set; }", "{ get; init; }" }, new[] { "{ private get; set; }", "{ get; private set; }", "{ set { } }", "=> default!;", "{ get => default!; }", "{ get; protected set; }" });
        var initializer = accessors.StartsWith("{ get", System.StringComparison.Ordinal) && accessors.EndsWith("}", System.StringComparison.Ordinal) && !accessors.Contains("=>") ? " = default!;" : string.Empty;
        var attribute = r.Chance(0.9) ? $"[ErrorMetadata({Literal(key)})] " : string.Empty;
        if (r.Misuse() && r.Chance(0.2))
        {
            attribute = r.Pick("[ErrorMetadata(null)] ", "[ErrorMetadata] ", "[ErrorMetadata(\"a\")] [ErrorMetadata(\"b\")] ", "[Obsolete] " + attribute);
        }

        return $"{attribute}{accessibility}{modifiers}{type} {name} {accessors}{initializer}";
    }

    /// <summary>A constructor whose parameters name metadata properties, so a client can rebuild the exception.</summary>
    private static string Constructor(FuzzRandom r, string typeName, List<(string Type, string Name)> properties)
    {
        var parameters = properties.Where(_ => r.Chance(0.8)).ToList();
        var accessibility = r.Choose(new[] { "public " }, new[] { "private ", "internal ", "protected " });
        var refKind = r.Misuse() && r.Chance(0.5) ? r.Pick("ref ", "out ", "in ", "params ", "ref readonly ", "scoped ") : string.Empty;
        var list = parameters.Select((p, i) => $"{(i == 0 ? refKind : string.Empty)}{p.Type} {CamelCase(p.Name)}{(r.Misuse() && r.Chance(0.3) ? " = default" : string.Empty)}");
        var assignments = parameters.Select(p => $"{p.Name} = {CamelCase(p.Name)};");
        return r.Misuse() && r.Chance(0.2)
            ? string.Empty
            : $"{accessibility}{typeName}({string.Join(", ", list)})\n{{\n    {string.Join("\n    ", assignments)}\n}}";
    }

    private static string CamelCase(string name)
    {
        var bare = name.TrimStart('@');
        var camel = char.ToLowerInvariant(bare[0]) + bare.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(camel) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + camel : camel;
    }

    private static string ErrorEnum(FuzzRandom r, string name)
    {
        var underlying = r.Misuse() ? r.Pick(" : byte", " : long", " : ulong", " : sbyte") : string.Empty;
        var accessibility = r.Choose(new[] { "public ", "internal " }, new[] { "file ", "private " });
        var memberNames = new[] { "Declined", "Expired", "NotAnError", "@default", "Ünïcode", "Catalog", "ErrorInfo" };
        var members = new List<string>();
        var count = r.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            var member = i < 3 && !r.Misuse() ? memberNames[i] : r.Pick(memberNames);
            var value = r.Misuse() && r.Chance(0.4) ? r.Pick(" = 0", " = 1", " = Declined", " = -1", " = 255") : string.Empty;
            var attribute = r.Chance(0.8) ? GrpcError(r, allowMetadataPlaceholders: false) + "\n" : string.Empty;
            if (r.Misuse() && r.Chance(0.2))
            {
                attribute += r.Pick("[Obsolete]\n", "[ErrorMetadata(\"key\")]\n", "[GrpcError(GrpcStatusCode.Aborted, \"SECOND_ONE\")]\n");
            }

            members.Add($"{attribute}{member}{value},");
        }

        var flags = r.Misuse() && r.Chance(0.3) ? "[Flags]\n" : string.Empty;
        var declaration = $"{flags}{accessibility}enum {name}{underlying}\n{{\n    {string.Join("\n\n", members).Replace("\n", "\n    ")}\n}}";
        return r.Misuse() && r.Chance(0.4) ? Nest(r, declaration) : declaration;
    }
}
