using System.Collections.Generic;
using System.Linq;
using static Contrail.Generators.Tests.Fuzzing.FuzzText;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// Writes <c>[Meter]</c> classes of the shapes docs/metrics.md describes (static and DI forms, every
/// instrument kind, measurements, tags, enums, <c>[MetricTags]</c> types, bucket advice), mutated.
/// </summary>
internal static class MeterDeclarations
{
    private static readonly string[] s_meterNames = { Literal("Acme.Shop"), Literal("Acme.Inventory"), Literal("acme-payments") };
    private static readonly string[] s_versions = { Literal("1.0"), Literal("2.1.0-beta") };
    private static readonly string[] s_instrumentNames =
    {
        Literal("acme.shop.orders.placed"), Literal("acme.shop.checkout.duration"), Literal("acme.inventory.level"), Literal("acme.shop.items_sold"),
    };

    private static readonly string[] s_misusedInstrumentNames = MisusedStrings.Concat(new[]
    {
        Literal("1orders"), Literal("acme orders"), Literal("Acme.Orders"), Literal("orders"), Literal("acme/orders"), Literal(new string('x', 255)), Literal(new string('x', 256)),
        "nameof(Exception)",
    }).ToArray();

    private static readonly string[] s_units = { Literal("s"), Literal("ms"), Literal("{order}"), Literal("By"), Literal("1"), Literal("%"), Literal("By/s") };
    private static readonly string[] s_misusedUnits = MisusedStrings.Concat(new[] { Literal("seconds"), Literal("{"), Literal("}"), Literal("{unclosed"), Literal("s/"), Literal("bytes") }).ToArray();
    private static readonly string[] s_descriptions = { Literal("Orders accepted."), Literal("Time spent, in seconds.") };

    private static readonly string[] s_buckets = { "new[] { 0.01, 0.05, 0.1, 0.5, 1, 5 }", "new double[] { 1, 2, 5, 10 }", "new[] { 0.5, 1.0 }" };

    private static readonly string[] s_misusedBuckets =
    {
        "new double[0]", "new double[] { }", "new[] { 5.0, 1.0 }", "new[] { 1.0, 1.0 }", "new[] { double.NaN }", "new[] { -1.0, 0, 1 }",
        "new[] { double.NegativeInfinity, double.PositiveInfinity }", "null", "new[] { 0.5, 1.5 }", "new[] { 1e300 }", "new[] { 1e30, 1e31 }",
        "new[] { double.Epsilon, 1 }", "new[] { -0.0, 0.0 }", "new[] { 1e19, 1e20 }", "new double[] { 255, 256, 32768, 2147483648 }", "new[] { float.MaxValue, double.MaxValue }",
        "new[] { 7.9e28, 7.95e28 }", "new[] { 3.4e38, 3.5e38 }", "new[] { 1 / 3.0, 2 / 3.0 }", "[0.1, 1]", "[]",
    };

    private static readonly string[] s_kinds = { "Counter", "Counter", "Histogram", "UpDownCounter", "Gauge", "ObservableCounter", "ObservableUpDownCounter", "ObservableGauge" };
    private static readonly string[] s_measurementTypes = { "int", "long", "double", "decimal", "byte", "short", "float" };
    private static readonly string[] s_tagTypes = { "string", "string?", "bool", "PaymentMethod", "int", "long", "Guid", "ulong", "CartTags", "CustomerTags", "CustomerTags?", "Region" };

    private static readonly string[] s_misusedTypes =
    {
        "int?", "object", "dynamic", "DateTime", "char", "nint", "int[]", "(int Count, string Name)", "int*", "delegate*<void>", "Missing", "T",
        "Func<int>", "List<string>", "ReadOnlySpan<char>", "uint?", "Exception", "decimal?", "PaymentMethod?", "string[]", "Tagged<int>", "BadTags", "sbyte", "ushort", "uint",
    };

    private static readonly string[] s_refKinds = { "ref ", "out ", "in ", "ref readonly ", "scoped ref ", "params ", "this ", "scoped " };
    private static readonly string[] s_parameterNames = { "value", "method", "region", "count", "quantity", "warehouse", "customer", "tier" };
    private static readonly string[] s_misusedParameterNames = { "@event", "@class", "contrailInstrument", "contrailTags", "s_contrailMeter", "ünï", "_", "created", "meterFactory", "value" };
    private static readonly string[] s_methodNames = { "OrderPlaced", "ItemsSold", "CheckoutDuration", "StockLevel", "QueueDepth", "Visit" };
    private static readonly string[] s_misusedMethodNames = { "@event", "ContrailTagValue", "Meter", "s_contrailMeter", "Lock", "ToString", "Ünïcode", "OrderPlaced", "Dispose" };
    private static readonly string[] s_accessibilities = { "public ", "internal ", "private ", string.Empty };
    private static readonly string[] s_misusedAccessibilities = { "protected ", "protected internal ", "private protected ", "file " };

    public static void Write(FuzzRandom r, MisuseSource source)
    {
        source.Use("System", "System.Collections.Generic", "System.Diagnostics.Metrics", "Contrail");
        source.Member(TagTypes(r));
        var classes = r.Chance(0.2) ? 2 : 1;
        for (var i = 0; i < classes; i++)
        {
            source.Member(MeterClass(r, i == 0 ? "ShopMetrics" : r.Choose(new[] { "InventoryMetrics" }, new[] { "ShopMetrics" })));
        }

        if (r.Misuse() && r.Chance(0.2))
        {
            // Targets the attributes do not allow.
            source.Member(r.Pick("[Meter(\"Acme.Shop\")]\npublic enum MeterEnum { A }", "[Meter(\"Acme.Shop\")]\npublic delegate void MeterDelegate();", "[Counter(\"acme.shop.delegate\")]\npublic delegate void CounterDelegate();"));
        }
    }

    /// <summary>The enums and <c>[MetricTags]</c> types the instruments' tags use.</summary>
    private static string TagTypes(FuzzRandom r)
    {
        var underlying = r.Misuse() ? r.Pick(" : byte", " : long", " : ulong", " : sbyte", " : short") : string.Empty;
        var flags = r.Misuse() ? "[Flags] " : string.Empty;
        var extraMembers = r.Misuse() ? r.Pick(", [Obsolete] Legacy = 9", ", @class", ", Ünïcode = 12", ", Alias = Card", ", Max = 127") : string.Empty;
        var enums = r.Misuse() && r.Chance(0.2)
            ? "public enum PaymentMethod { }"
            : $"{flags}public enum PaymentMethod{underlying} {{ Card, Wallet, BankTransfer = 5, Voucher = 5{extraMembers} }}";
        enums += "\n\npublic enum Region : byte { @default, Eu, Us }";

        var regionTag = r.Choose(new[] { Literal("acme.shop.region") }, MisusedStrings);
        var cart = r.Misuse()
            ? r.Pick(
                $"[MetricTags]\npublic readonly record struct CartTags(PaymentMethod Method, [property: Tag({regionTag})] string Region, DateTime When);",
                "[MetricTags]\npublic record CartTags(PaymentMethod Method, string Region)\n{\n    public static string Shared { get; } = \"x\";\n    public string this[int i] => Region;\n    private bool Hidden { get; }\n}",
                "[MetricTags]\npublic struct CartTags\n{\n    public PaymentMethod Method;\n    public CustomerTags Customer;\n    public string Region { private get; set; }\n}",
                $"[MetricTags]\npublic readonly record struct CartTags(PaymentMethod Method, [property: Tag({regionTag})] string Region, [property: Tag({regionTag})] string Other);",
                "public readonly record struct CartTags(PaymentMethod Method, string Region);")
            : $"[MetricTags]\npublic readonly record struct CartTags(PaymentMethod Method, [property: Tag({regionTag})] string Region, bool FirstOrder);";
        const string Customer = "[MetricTags]\npublic sealed class CustomerTags\n{\n    public string Tier { get; set; } = \"standard\";\n    public int Cohort;\n}";
        const string Misused = "[MetricTags]\npublic readonly record struct Tagged<T>(T Value);\n\n[MetricTags]\npublic sealed class BadTags\n{\n    public object? Anything { get; set; }\n    public int[] Numbers = new int[0];\n}";
        return string.Join("\n\n", enums, cart, Customer, Misused);
    }

    private static string MeterClass(FuzzRandom r, string name)
    {
        // Both forms are valid: static (a static meter) and DI (a constructor taking IMeterFactory).
        var isStatic = r.Chance(0.5);
        var attributes = new List<string>();
        if (!r.Misuse() || r.Chance(0.5))
        {
            var version = r.Chance(0.3) ? $", Version = {r.Choose(s_versions, MisusedStrings)}" : string.Empty;
            attributes.Add($"[Meter({r.Choose(s_meterNames, MisusedStrings)}{version})]");
        }

        if (r.Misuse() && r.Chance(0.3))
        {
            attributes.Add(r.Pick("[Meter(\"Acme.Other\")]", "[Obsolete]", "[Serializable]", "[MetricTags]"));
        }

        var kind = r.Misuse() ? r.Pick("struct", "record", "record struct", "interface", "readonly struct", "ref struct", "record class") : "class";
        var isNested = r.Misuse();
        var accessibility = isNested ? r.Pick(s_accessibilities.Concat(s_misusedAccessibilities).ToArray()) : r.Choose(new[] { "public ", "internal ", string.Empty }, new[] { "file ", "private ", "protected " });
        var modifiers = (isStatic ? "static " : string.Empty)
            + (r.Misuse() ? r.Pick("sealed ", "abstract ", "unsafe ", "new ", "readonly ") : !isStatic && r.Chance(0.5) ? "sealed " : string.Empty);
        var partial = r.Misuse() && r.Chance(0.5) ? string.Empty : "partial ";
        var (typeParameters, constraints) = r.Misuse() && r.Chance(0.5) ? r.Pick(("<T>", string.Empty), ("<T>", " where T : struct"), ("<TValue, TTag>", string.Empty)) : (string.Empty, string.Empty);
        var primaryConstructor = r.Misuse() && r.Chance(0.3) ? r.Pick("(IMeterFactory factory)", "()", "(int shard)") : string.Empty;

        var members = new List<string>();
        if (!isStatic && r.Misuse() && r.Chance(0.4))
        {
            members.Add(r.Pick($"public {name}() {{ }}", $"public {name}(IMeterFactory meterFactory) {{ }}", $"static {name}() {{ }}", $"private {name}(int shard) {{ }}"));
        }

        if (r.Misuse() && r.Chance(0.2))
        {
            members.Add(r.Pick("private static readonly int s_contrailMeter = 0;", "private readonly int _contrailMeter = 0;", "private static object s_contrailLock = new object();", "public void Dispose() { }"));
        }

        var methodNames = new List<string>();
        var count = r.Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            members.Add(InstrumentMethod(r, isStatic, methodNames));
        }

        var body = string.Join("\n\n", members).Replace("\n", "\n    ");
        var declaration = string.Join("\n", attributes.Append($"{accessibility}{modifiers}{partial}{kind} {name}{typeParameters}{primaryConstructor}{constraints}\n{{\n    {body}\n}}"));

        if (r.Misuse() && r.Chance(0.3))
        {
            // A second declaration of the class: another part, with or without its own [Meter], or a plain duplicate.
            declaration += "\n\n" + r.Pick(
                $"{accessibility}{modifiers}{partial}{kind} {name}{typeParameters}\n{{\n    [Counter(\"acme.shop.second_part\")]\n    public {(isStatic ? "static " : string.Empty)}partial void SecondPart();\n}}",
                $"[Meter(\"Acme.Shop\")]\n{accessibility}{modifiers}{partial}{kind} {name}{typeParameters}\n{{\n}}",
                declaration);
        }

        return isNested ? Nest(r, declaration) : declaration;
    }

    /// <summary>Puts a declaration inside one or two containing types, of the kinds the language allows.</summary>
    private static string Nest(FuzzRandom r, string declaration)
    {
        var depth = r.Chance(0.2) ? 2 : 1;
        for (var i = 0; i < depth; i++)
        {
            var container = r.Pick("public static partial class Outer", "public partial class Outer<TOuter>", "public class Outer", "internal partial struct Outer", "public static class Outer", "internal partial record Outer", "public partial interface IOuter");
            declaration = $"{container}{i}\n{{\n    {declaration.Replace("\n", "\n    ")}\n}}";
        }

        return declaration;
    }

    private static string InstrumentMethod(FuzzRandom r, bool classIsStatic, List<string> methodNames)
    {
        var kind = r.Pick(s_kinds);
        var isObservable = kind.StartsWith("Observable", System.StringComparison.Ordinal);
        var attributes = new List<string> { InstrumentAttribute(r, kind) };
        if (r.Misuse() && r.Chance(0.3))
        {
            attributes.Add(r.Pick(InstrumentAttribute(r, r.Pick(s_kinds)), "[Obsolete]", "[Tag]", "[NotTraced]", "[return: Tag]"));
        }

        var name = r.Choose(s_methodNames.Except(methodNames).ToArray(), methodNames.Count > 0 ? methodNames.Concat(s_misusedMethodNames).ToArray() : s_misusedMethodNames);
        methodNames.Add(name);

        // Where the attribute goes: a partial method nearly always, else a body, a property, a field or a local function.
        var target = r.Misuse() ? r.Pick("body", "body", "property", "field", "local function", "implemented", "expression") : "partial";
        var accessibility = r.Choose(s_accessibilities, s_misusedAccessibilities);
        var isStatic = r.Misuse() ? !classIsStatic : classIsStatic;
        var modifiers = (isStatic ? "static " : string.Empty) + (r.Misuse() && r.Chance(0.5) ? r.Pick("virtual ", "extern ", "async ", "unsafe ", "new ", "abstract ", "sealed override ", "readonly ", "override ") : string.Empty);
        var (typeParameters, constraints) = r.Misuse() && r.Chance(0.4) ? r.Pick(("<T>", string.Empty), ("<T>", " where T : struct"), ("<T>", " where T : notnull")) : (string.Empty, string.Empty);
        var (returnType, parameters) = isObservable ? ObservableSignature(r, kind) : RecordingSignature(r);
        var signature = $"{returnType} {name}{typeParameters}({string.Join(", ", parameters)}){constraints}";
        var attributeText = string.Join("\n", attributes);

        return target switch
        {
            "body" => $"{attributeText}\n{accessibility}{modifiers}{signature}\n{{\n}}",
            "expression" => $"{attributeText}\n{accessibility}{modifiers}{signature} => throw new NotSupportedException();",
            "implemented" => $"{attributeText}\n{accessibility}{modifiers}partial {signature};\n\n{accessibility}{modifiers}partial {signature}\n{{\n}}",
            "property" => $"{attributeText}\n{accessibility}{modifiers}int {name} {{ get; set; }}",
            "field" => $"{attributeText}\n{accessibility}{modifiers}int {name}Field;",
            "local function" => $"{accessibility}{modifiers}void {name}Host()\n{{\n    {attributeText.Replace("\n", "\n    ")}\n    static void Local() {{ }}\n}}",
            _ => $"{attributeText}\n{accessibility}{modifiers}partial {signature};",
        };
    }

    private static string InstrumentAttribute(FuzzRandom r, string kind)
    {
        var arguments = new List<string> { r.Choose(s_instrumentNames, s_misusedInstrumentNames) };
        if (r.Chance(0.6))
        {
            arguments.Add($"Unit = {r.Choose(s_units, s_misusedUnits)}");
        }

        if (r.Chance(0.3))
        {
            arguments.Add($"Description = {r.Choose(s_descriptions, MisusedStrings)}");
        }

        if ((kind == "Histogram" && r.Chance(0.6)) || (r.Misuse() && r.Chance(0.1)))
        {
            arguments.Add($"Buckets = {r.Choose(s_buckets, s_misusedBuckets)}");
        }

        if (r.Misuse() && r.Chance(0.15))
        {
            arguments = r.Pick(new List<string>(), new List<string> { "null" }, new List<string> { Literal("acme.a"), Literal("acme.b") }, new List<string> { "Name = \"acme.named\"" });
        }

        return $"[{kind}({string.Join(", ", arguments)})]";
    }

    private static (string ReturnType, List<string> Parameters) RecordingSignature(FuzzRandom r)
    {
        var parameters = new List<string>();
        var names = new List<string>();
        if (!r.Chance(0.25))
        {
            parameters.Add(Parameter(r, r.Pick(s_measurementTypes), names, isLast: false, isFirst: true));
        }

        var tags = r.Between(0, 3);
        for (var i = 0; i < tags; i++)
        {
            parameters.Add(Parameter(r, r.Pick(s_tagTypes), names, isLast: i == tags - 1, isFirst: parameters.Count == 0));
        }

        var returnType = r.Misuse() && r.Chance(0.4) ? r.Pick("int", "System.Threading.Tasks.Task", "string?", "ref int", "dynamic", "Counter<long>", "bool") : "void";
        return (returnType, parameters);
    }

    private static (string ReturnType, List<string> Parameters) ObservableSignature(FuzzRandom r, string kind)
    {
        var value = r.Pick(s_measurementTypes);
        var callback = r.Choose(
            new[] { $"Func<{value}>", $"Func<Measurement<{value}>>", $"Func<IEnumerable<Measurement<{value}>>>" },
            new[] { "Func<string>", "Func<Measurement<string>>", "Action", "Func<int>?", "Func<IEnumerable<int>>", "Func<Measurement<int>[]>", "Func<Missing>", "Func<int, int>", "Func<uint>" });
        var parameters = new List<string> { $"{(r.Misuse() && r.Chance(0.3) ? r.Pick(s_refKinds) : string.Empty)}{callback} {r.Choose(new[] { "observe", "callback" }, s_misusedParameterNames)}" };
        if (r.Misuse() && r.Chance(0.3))
        {
            parameters = r.Pick(new List<string>(), new List<string> { parameters[0], "string region" });
        }

        var returnType = r.Chance(0.5) ? "void" : r.Choose(new[] { $"{kind}<{value}>" }, new[] { "ObservableGauge<long>", $"{kind}<string>", "int", "IDisposable", "Instrument", $"{kind}<{value}>?" });
        return (returnType, parameters);
    }

    private static string Parameter(FuzzRandom r, string type, List<string> names, bool isLast, bool isFirst)
    {
        if (r.Misuse() && r.Chance(0.5))
        {
            type = r.Pick(s_misusedTypes);
        }

        var refKind = r.Misuse() && r.Chance(0.5) ? r.Pick(s_refKinds) : string.Empty;
        if ((refKind == "params " && !isLast) || (refKind == "this " && !isFirst))
        {
            refKind = string.Empty;
        }

        if (refKind == "params " && !type.EndsWith("]", System.StringComparison.Ordinal))
        {
            type += "[]";
        }

        var attribute = r.Chance(0.2)
            ? r.Choose(new[] { $"[Tag({Literal("acme.shop.region")})] ", "[Tag] ", "[Tag(Bounded = true)] ", "[Measurement] " }, new[] { $"[Tag({r.Pick(MisusedStrings)})] ", "[Measurement] [Tag] ", "[Tag(\"acme.a\")] [Tag(\"acme.b\")] ", "[Measurement] [Measurement] " })
            : string.Empty;
        var name = r.Choose(s_parameterNames.Except(names).ToArray(), s_misusedParameterNames);
        names.Add(name);
        var defaultValue = isLast && r.Misuse() && r.Chance(0.5) ? r.Pick(" = 0", " = default", " = null", " = \"eu\"", " = PaymentMethod.Card") : string.Empty;
        return $"{attribute}{refKind}{type} {name}{defaultValue}";
    }
}
