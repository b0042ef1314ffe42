using System;
using System.Collections.Generic;
using System.Linq;

namespace Contrail.Schema.Breaking;

/// <summary>One of buf's breaking rules (configuration version v2).</summary>
/// <param name="Id">buf's rule ID, e.g. <c>FIELD_SAME_TYPE</c>.</param>
/// <param name="Categories">The categories that include the rule (FILE, PACKAGE, WIRE_JSON, WIRE, CSR).</param>
/// <param name="Purpose">buf's one-line purpose text.</param>
public sealed record BreakingRule(string Id, IReadOnlyList<string> Categories, string Purpose)
{
    /// <summary>Whether <paramref name="category"/> includes this rule.</summary>
    public bool IsIn(string category)
    {
        foreach (var candidate in Categories)
        {
            if (string.Equals(candidate, category, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A rule ID buf no longer checks under its own name, and the rules that replace it.</summary>
/// <param name="Id">The deprecated ID, e.g. <c>FIELD_SAME_CTYPE</c>.</param>
/// <param name="ReplacementIds">The rules configuring the deprecated ID selects (empty: it checks nothing).</param>
public sealed record DeprecatedBreakingRule(string Id, IReadOnlyList<string> ReplacementIds);

/// <summary>The catalogue of buf's breaking rules and categories, as buf 1.75 defines them for buf.yaml v2.</summary>
public static class BreakingRules
{
    /// <summary>The FILE category: the default; changes that break generated code per file.</summary>
    public const string File = "FILE";

    /// <summary>The PACKAGE category: changes that break generated code per package (elements may move between files).</summary>
    public const string Package = "PACKAGE";

    /// <summary>The WIRE_JSON category: changes that break the binary or JSON encoding.</summary>
    public const string WireJson = "WIRE_JSON";

    /// <summary>The WIRE category: changes that break the binary encoding.</summary>
    public const string Wire = "WIRE";

    /// <summary>The CSR category: the rules Confluent Schema Registry compatibility needs.</summary>
    public const string Csr = "CSR";

    private static readonly BreakingRule[] s_allRules =
    {
        new BreakingRule("EXTENSION_NO_DELETE", new[] { "FILE" }, "Checks that extensions are not deleted from a given file."),
        new BreakingRule("SERVICE_NO_DELETE", new[] { "FILE" }, "Checks that services are not deleted from a given file."),
        new BreakingRule("ENUM_NO_DELETE", new[] { "CSR", "FILE" }, "Checks that enums are not deleted from a given file."),
        new BreakingRule("FILE_NO_DELETE", new[] { "CSR", "FILE" }, "Checks that files are not deleted."),
        new BreakingRule("MESSAGE_NO_DELETE", new[] { "CSR", "FILE" }, "Checks that messages are not deleted from a given file."),
        new BreakingRule("ENUM_SAME_TYPE", new[] { "FILE", "PACKAGE" }, "Checks that enums have the same type (open vs closed)."),
        new BreakingRule("FIELD_SAME_CARDINALITY", new[] { "FILE", "PACKAGE" }, "Checks that fields have the same cardinalities in a given message."),
        new BreakingRule("FIELD_SAME_CPP_STRING_TYPE", new[] { "FILE", "PACKAGE" }, "Checks that fields have the same C++ string type, based on ctype field option or (pb.cpp).string_type feature."),
        new BreakingRule("FIELD_SAME_JAVA_UTF8_VALIDATION", new[] { "FILE", "PACKAGE" }, "Checks that fields have the same Java string UTF8 validation, based on java_string_check_utf8 file option or (pb.java).utf8_validation feature."),
        new BreakingRule("FIELD_SAME_JSTYPE", new[] { "FILE", "PACKAGE" }, "Checks that fields have the same value for the jstype option."),
        new BreakingRule("FIELD_SAME_UTF8_VALIDATION", new[] { "FILE", "PACKAGE" }, "Checks that string fields have the same UTF8 validation mode."),
        new BreakingRule("FILE_SAME_CC_ENABLE_ARENAS", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the cc_enable_arenas option."),
        new BreakingRule("FILE_SAME_CC_GENERIC_SERVICES", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the cc_generic_services option."),
        new BreakingRule("FILE_SAME_CSHARP_NAMESPACE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the csharp_namespace option."),
        new BreakingRule("FILE_SAME_GO_PACKAGE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the go_package option."),
        new BreakingRule("FILE_SAME_JAVA_GENERIC_SERVICES", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the java_generic_services option."),
        new BreakingRule("FILE_SAME_JAVA_MULTIPLE_FILES", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the java_multiple_files option."),
        new BreakingRule("FILE_SAME_JAVA_OUTER_CLASSNAME", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the java_outer_classname option."),
        new BreakingRule("FILE_SAME_JAVA_PACKAGE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the java_package option."),
        new BreakingRule("FILE_SAME_OBJC_CLASS_PREFIX", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the objc_class_prefix option."),
        new BreakingRule("FILE_SAME_OPTIMIZE_FOR", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the optimize_for option."),
        new BreakingRule("FILE_SAME_PHP_CLASS_PREFIX", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the php_class_prefix option."),
        new BreakingRule("FILE_SAME_PHP_METADATA_NAMESPACE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the php_metadata_namespace option."),
        new BreakingRule("FILE_SAME_PHP_NAMESPACE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the php_namespace option."),
        new BreakingRule("FILE_SAME_PY_GENERIC_SERVICES", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the py_generic_services option."),
        new BreakingRule("FILE_SAME_RUBY_PACKAGE", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the ruby_package option."),
        new BreakingRule("FILE_SAME_SWIFT_PREFIX", new[] { "FILE", "PACKAGE" }, "Checks that files have the same value for the swift_prefix option."),
        new BreakingRule("RPC_NO_DELETE", new[] { "FILE", "PACKAGE" }, "Checks that rpcs are not deleted from a given service."),
        new BreakingRule("ENUM_VALUE_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that enum values are not deleted from a given enum."),
        new BreakingRule("EXTENSION_MESSAGE_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that extension ranges are not deleted from a given message."),
        new BreakingRule("FIELD_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that fields are not deleted from a given message."),
        new BreakingRule("FIELD_SAME_TYPE", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that fields have the same types in a given message."),
        new BreakingRule("FILE_SAME_SYNTAX", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that files have the same syntax."),
        new BreakingRule("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that messages do not change the no_standard_descriptor_accessor option from false or unset to true."),
        new BreakingRule("ONEOF_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE" }, "Checks that oneofs are not deleted from a given message."),
        new BreakingRule("ENUM_SAME_JSON_FORMAT", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON" }, "Checks that enums have the same JSON format support."),
        new BreakingRule("ENUM_VALUE_SAME_NAME", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON" }, "Checks that enum values have the same name."),
        new BreakingRule("FIELD_SAME_JSON_NAME", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON" }, "Checks that fields have the same value for the json_name option."),
        new BreakingRule("FIELD_SAME_NAME", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON" }, "Checks that fields have the same names in a given message."),
        new BreakingRule("MESSAGE_SAME_JSON_FORMAT", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON" }, "Checks that messages have the same JSON format support."),
        new BreakingRule("FIELD_SAME_DEFAULT", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that fields have the same default value, if a default is specified."),
        new BreakingRule("FIELD_SAME_ONEOF", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that fields have the same oneofs in a given message."),
        new BreakingRule("FILE_SAME_PACKAGE", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that files have the same package."),
        new BreakingRule("MESSAGE_SAME_REQUIRED_FIELDS", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that messages have no added or deleted required fields."),
        new BreakingRule("RESERVED_ENUM_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that reserved ranges and names are not deleted from a given enum."),
        new BreakingRule("RESERVED_MESSAGE_NO_DELETE", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that reserved ranges and names are not deleted from a given message."),
        new BreakingRule("RPC_SAME_CLIENT_STREAMING", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that rpcs have the same client streaming value."),
        new BreakingRule("RPC_SAME_IDEMPOTENCY_LEVEL", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that rpcs have the same value for the idempotency_level option."),
        new BreakingRule("RPC_SAME_REQUEST_TYPE", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that rpcs are have the same request type."),
        new BreakingRule("RPC_SAME_RESPONSE_TYPE", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that rpcs are have the same response type."),
        new BreakingRule("RPC_SAME_SERVER_STREAMING", new[] { "CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE" }, "Checks that rpcs have the same server streaming value."),
        new BreakingRule("PACKAGE_ENUM_NO_DELETE", new[] { "PACKAGE" }, "Checks that enums are not deleted from a given package."),
        new BreakingRule("PACKAGE_EXTENSION_NO_DELETE", new[] { "PACKAGE" }, "Checks that extensions are not deleted from a given package."),
        new BreakingRule("PACKAGE_MESSAGE_NO_DELETE", new[] { "PACKAGE" }, "Checks that messages are not deleted from a given package."),
        new BreakingRule("PACKAGE_NO_DELETE", new[] { "PACKAGE" }, "Checks that packages are not deleted."),
        new BreakingRule("PACKAGE_SERVICE_NO_DELETE", new[] { "PACKAGE" }, "Checks that services are not deleted from a given package."),
        new BreakingRule("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", new[] { "CSR", "WIRE_JSON" }, "Checks that enum values are not deleted from a given enum unless the name is reserved."),
        new BreakingRule("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", new[] { "CSR", "WIRE_JSON" }, "Checks that fields are not deleted from a given message unless the name is reserved."),
        new BreakingRule("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", new[] { "CSR", "WIRE_JSON" }, "Checks that fields have wire and JSON compatible cardinalities in a given message."),
        new BreakingRule("FIELD_WIRE_JSON_COMPATIBLE_TYPE", new[] { "CSR", "WIRE_JSON" }, "Checks that fields have wire and JSON compatible types in a given message."),
        new BreakingRule("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", new[] { "CSR", "WIRE_JSON", "WIRE" }, "Checks that enum values are not deleted from a given enum unless the number is reserved."),
        new BreakingRule("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", new[] { "CSR", "WIRE_JSON", "WIRE" }, "Checks that fields are not deleted from a given message unless the number is reserved."),
        new BreakingRule("FIELD_WIRE_COMPATIBLE_CARDINALITY", new[] { "WIRE" }, "Checks that fields have wire-compatible cardinalities in a given message."),
        new BreakingRule("FIELD_WIRE_COMPATIBLE_TYPE", new[] { "WIRE" }, "Checks that fields have wire-compatible types in a given message."),
    };

    private static readonly DeprecatedBreakingRule[] s_deprecatedRules =
    {
        // buf v1 configurations name these; v1's replacements are kept so old configurations keep meaning the same.
        new DeprecatedBreakingRule("FIELD_SAME_CTYPE", new[] { "FIELD_SAME_CPP_STRING_TYPE" }),
        new DeprecatedBreakingRule("FIELD_SAME_LABEL", new[] { "FIELD_SAME_CARDINALITY", "FIELD_WIRE_COMPATIBLE_CARDINALITY", "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY" }),
        new DeprecatedBreakingRule("FILE_SAME_JAVA_STRING_CHECK_UTF8", new[] { "FIELD_SAME_JAVA_UTF8_VALIDATION" }),
        new DeprecatedBreakingRule("FILE_SAME_PHP_GENERIC_SERVICES", Array.Empty<string>()),
        new DeprecatedBreakingRule("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", Array.Empty<string>()),
    };

    private static readonly Dictionary<string, BreakingRule> s_rulesById = s_allRules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);

    private static readonly Dictionary<string, DeprecatedBreakingRule> s_deprecatedById = s_deprecatedRules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);

    /// <summary>Every current rule, in buf's listing order (strictest category first).</summary>
    public static IReadOnlyList<BreakingRule> All => s_allRules;

    /// <summary>The deprecated IDs accepted in configuration, with what each maps to.</summary>
    public static IReadOnlyList<DeprecatedBreakingRule> Deprecated => s_deprecatedRules;

    /// <summary>The category names accepted in <c>use</c>, <c>except</c> and <c>ignore_only</c>.</summary>
    public static IReadOnlyList<string> Categories { get; } = new[] { File, Package, WireJson, Wire, Csr };

    /// <summary>The rule with <paramref name="id"/>, or null when it is not a current rule ID.</summary>
    public static BreakingRule? Find(string id) => id is not null && s_rulesById.TryGetValue(id, out var rule) ? rule : null;

    /// <summary>
    /// Expands a rule ID, deprecated rule ID or category name to the rule IDs it stands for.
    /// </summary>
    /// <exception cref="BreakingConfigurationException"><paramref name="idOrCategory"/> is neither.</exception>
    public static IReadOnlyList<string> Expand(string idOrCategory)
    {
        if (idOrCategory is null)
        {
            throw new ArgumentNullException(nameof(idOrCategory));
        }

        if (s_rulesById.ContainsKey(idOrCategory))
        {
            return new[] { idOrCategory };
        }

        if (s_deprecatedById.TryGetValue(idOrCategory, out var deprecated))
        {
            return deprecated.ReplacementIds;
        }

        if (Categories.Contains(idOrCategory, StringComparer.Ordinal))
        {
            return s_allRules.Where(rule => rule.IsIn(idOrCategory)).Select(rule => rule.Id).ToList();
        }

        throw new BreakingConfigurationException($"\"{idOrCategory}\" is not a known breaking rule or category ID", idOrCategory);
    }

    /// <summary>
    /// The rule IDs <paramref name="options"/> selects: <c>use</c> (FILE when empty) minus <c>except</c>,
    /// with categories expanded and deprecated IDs mapped.
    /// </summary>
    /// <exception cref="BreakingConfigurationException">An ID is unknown, or <c>except</c> names something <c>use</c> also names.</exception>
    public static ISet<string> Select(BreakingOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var use = options.Use.Count == 0 ? new[] { File } : options.Use;
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in use)
        {
            selected.UnionWith(Expand(id));
        }

        foreach (var id in options.Except)
        {
            if (use.Contains(id, StringComparer.Ordinal))
            {
                // buf rejects a configuration that both uses and excepts one ID.
                throw new BreakingConfigurationException($"\"{id}\" is in both use and except", id);
            }

            selected.ExceptWith(Expand(id));
        }

        foreach (var key in options.IgnoreOnly.Keys)
        {
            Expand(key);
        }

        return selected;
    }
}
