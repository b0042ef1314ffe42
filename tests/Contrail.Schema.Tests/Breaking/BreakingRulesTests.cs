using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Schema.Breaking;
using Xunit;

namespace Contrail.Schema.Tests.Breaking;

public sealed class BreakingRulesTests
{
    [Fact]
    public void Catalogue_has_buf_v2_rules_with_unique_ids_and_purposes()
    {
        Assert.Equal(64, BreakingRules.All.Count);
        Assert.Equal(BreakingRules.All.Count, BreakingRules.All.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(BreakingRules.All, rule =>
        {
            Assert.NotEmpty(rule.Categories);
            Assert.EndsWith(".", rule.Purpose, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rule_table_has_one_unit_per_catalogued_rule_and_nothing_else()
    {
        var unitIds = BreakingRuleTable.Units.Select(unit => unit.RuleId).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var ruleIds = BreakingRules.All.Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(ruleIds, unitIds);
    }

    [Fact]
    public void Each_rule_unit_is_a_method_named_after_its_rule()
    {
        Assert.All(BreakingRuleTable.Units, unit =>
        {
            var expected = string.Concat(unit.RuleId.Split('_').Select(word => word[0] + word.Substring(1).ToLowerInvariant()));
            Assert.Equal(expected, unit.MethodName);
        });
    }

    [Theory]
    [InlineData("FILE", 51)]
    [InlineData("PACKAGE", 51)]
    [InlineData("WIRE_JSON", 22)]
    [InlineData("WIRE", 15)]
    public void Categories_expand_as_buf_lists_them(string category, int count)
    {
        Assert.Equal(count, BreakingRules.Expand(category).Count);
    }

    [Fact]
    public void Categories_nest_from_wire_up_to_package_except_their_own_rules()
    {
        var wire = BreakingRules.Expand("WIRE").ToHashSet(StringComparer.Ordinal);
        var wireJson = BreakingRules.Expand("WIRE_JSON").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new[] { "FIELD_WIRE_COMPATIBLE_CARDINALITY", "FIELD_WIRE_COMPATIBLE_TYPE" }, wire.Except(wireJson).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains("FIELD_SAME_TYPE", BreakingRules.Expand("FILE"));
        Assert.DoesNotContain("PACKAGE_NO_DELETE", BreakingRules.Expand("FILE"));
        Assert.DoesNotContain("FILE_NO_DELETE", BreakingRules.Expand("PACKAGE"));
    }

    [Theory]
    [InlineData("FIELD_SAME_CTYPE", "FIELD_SAME_CPP_STRING_TYPE")]
    [InlineData("FIELD_SAME_LABEL", "FIELD_SAME_CARDINALITY,FIELD_WIRE_COMPATIBLE_CARDINALITY,FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY")]
    [InlineData("FILE_SAME_JAVA_STRING_CHECK_UTF8", "FIELD_SAME_JAVA_UTF8_VALIDATION")]
    [InlineData("FILE_SAME_PHP_GENERIC_SERVICES", "")]
    [InlineData("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", "")]
    public void Deprecated_ids_map_to_their_replacements(string deprecated, string replacements)
    {
        var expected = replacements.Length == 0 ? Array.Empty<string>() : replacements.Split(',');
        Assert.Equal(expected, BreakingRules.Expand(deprecated));
    }

    [Fact]
    public void Empty_use_means_file_and_except_removes()
    {
        var selected = BreakingRules.Select(new BreakingOptions { Except = new[] { "FIELD_SAME_NAME", "WIRE" } });

        Assert.Contains("FILE_NO_DELETE", selected);
        Assert.DoesNotContain("FIELD_SAME_NAME", selected);
        Assert.DoesNotContain("RPC_SAME_REQUEST_TYPE", selected);
        Assert.DoesNotContain("PACKAGE_NO_DELETE", selected);
    }

    [Theory]
    [InlineData("use")]
    [InlineData("except")]
    [InlineData("ignore_only")]
    public void Unknown_ids_are_a_configuration_error_naming_them(string where)
    {
        var options = where switch
        {
            "use" => new BreakingOptions { Use = new[] { "FILE", "FIELD_SAME_COLOUR" } },
            "except" => new BreakingOptions { Except = new[] { "FIELD_SAME_COLOUR" } },
            _ => new BreakingOptions { IgnoreOnly = new Dictionary<string, IReadOnlyList<string>> { ["FIELD_SAME_COLOUR"] = new[] { "a.proto" } } },
        };

        var exception = Assert.Throws<BreakingConfigurationException>(() => BreakingRules.Select(options));

        Assert.Equal("\"FIELD_SAME_COLOUR\" is not a known breaking rule or category ID", exception.Message);
        Assert.Equal("FIELD_SAME_COLOUR", exception.OffendingValue);
    }

    [Fact]
    public void Ids_are_case_sensitive_as_in_buf()
    {
        Assert.Throws<BreakingConfigurationException>(() => BreakingRules.Expand("file"));
    }

    [Fact]
    public void The_same_id_in_use_and_except_is_rejected()
    {
        var exception = Assert.Throws<BreakingConfigurationException>(() => BreakingRules.Select(new BreakingOptions { Use = new[] { "WIRE" }, Except = new[] { "WIRE" } }));
        Assert.Contains("both use and except", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme.orders.v1", false)]
    [InlineData("acme.orders.v1alpha1", true)]
    [InlineData("acme.orders.v1beta", true)]
    [InlineData("acme.orders.v1p1beta1", true)]
    [InlineData("acme.orders.v2test", true)]
    [InlineData("acme.orders.v1testfoo", true)]
    [InlineData("acme.orders.v1alphabeta1", false)]
    [InlineData("acme.orders", false)]
    [InlineData("", false)]
    public void Unstable_package_versions_follow_buf(string package, bool unstable)
    {
        Assert.Equal(unstable, PackageVersion.IsUnstable(package));
    }
}
