using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contrail.Schema.Breaking;
using Contrail.Schema.Protoc;
using Google.Protobuf.Reflection;
using Xunit;

namespace Contrail.Schema.Tests.Breaking;

public sealed class BreakingCheckerTests
{
    private const string Orders = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\nmessage Order {\n  string id = 1;\n  int32 quantity = 2;\n\n  message Line {\n    string sku = 1;\n  }\n}\n\nservice OrderService {\n  rpc GetOrder(Order) returns (Order);\n}\n";

    [Fact]
    public void Identical_schemas_have_no_findings()
    {
        using var workspace = new ProtoWorkspace();
        var (current, against) = Compile(workspace, new() { ["acme/orders/v1/orders.proto"] = Orders }, new() { ["acme/orders/v1/orders.proto"] = Orders });

        Assert.Empty(BreakingChecker.Check(current, against, BreakingOptions.Default));
    }

    [Fact]
    public void A_changed_field_type_is_located_at_the_new_type_with_the_old_one_as_baseline()
    {
        using var workspace = new ProtoWorkspace();
        var (current, against) = Compile(
            workspace,
            new() { ["acme/orders/v1/orders.proto"] = Orders.Replace("  int32 quantity = 2;", "  int64 quantity = 2;", StringComparison.Ordinal) },
            new() { ["acme/orders/v1/orders.proto"] = Orders });

        var finding = Assert.Single(BreakingChecker.Check(current, against, BreakingOptions.Default));

        Assert.Equal("FIELD_SAME_TYPE", finding.RuleId);
        Assert.Equal("Field \"2\" with name \"quantity\" on message \"Order\" changed type from \"int32\" to \"int64\".", finding.Message);
        Assert.Equal(new SourcePosition("acme/orders/v1/orders.proto", 7, 3, 7, 8), finding.Location);
        Assert.Equal(new SourcePosition("acme/orders/v1/orders.proto", 7, 3, 7, 8), finding.BaselineLocation);
    }

    [Fact]
    public void Deletions_are_placed_at_the_nearest_surviving_parent_and_deleted_files_at_line_one()
    {
        using var workspace = new ProtoWorkspace();
        var (current, against) = Compile(
            workspace,
            new() { ["acme/orders/v1/orders.proto"] = Orders.Replace("\n  message Line {\n    string sku = 1;\n  }\n", string.Empty, StringComparison.Ordinal) },
            new() { ["acme/orders/v1/orders.proto"] = Orders, ["acme/orders/v1/gone.proto"] = "syntax = \"proto3\";\npackage acme.orders.v1;\nmessage Gone {}\n" });

        var findings = BreakingChecker.Check(current, against, BreakingOptions.Default);

        Assert.Equal(new[] { "FILE_NO_DELETE", "MESSAGE_NO_DELETE" }, findings.Select(f => f.RuleId));
        Assert.Equal(new SourcePosition("acme/orders/v1/gone.proto", 1, 1, 1, 1), findings[0].Location);
        Assert.Equal("Previously present message \"Order.Line\" was deleted from file.", findings[1].Message);
        Assert.Equal(5, findings[1].Location.StartLine);
        Assert.Equal(9, findings[1].BaselineLocation!.StartLine);
    }

    [Fact]
    public void Findings_come_in_path_line_column_rule_order()
    {
        using var workspace = new ProtoWorkspace();
        var changed = Orders.Replace("  string id = 1;\n  int32 quantity = 2;", "  bytes id = 1;\n  int64 amount = 2;", StringComparison.Ordinal);
        var (current, against) = Compile(
            workspace,
            new() { ["acme/orders/v1/orders.proto"] = changed, ["acme/orders/v1/a.proto"] = "syntax = \"proto2\";\npackage acme.orders.v1;\nmessage A {}\n" },
            new() { ["acme/orders/v1/orders.proto"] = Orders, ["acme/orders/v1/a.proto"] = "syntax = \"proto3\";\npackage acme.orders.v1;\nmessage A {}\n" });

        var findings = BreakingChecker.Check(current, against, BreakingOptions.Default);

        Assert.Equal(findings.OrderBy(f => f, Comparer<BreakingFinding>.Create(BreakingChecker.CompareFindings)).ToList(), findings);
        Assert.Equal("acme/orders/v1/a.proto", findings[0].Location.Path);
        Assert.Contains(findings, f => f.RuleId == "FIELD_SAME_NAME" && f.Message == "Field \"2\" on message \"Order\" changed name from \"quantity\" to \"amount\".");
    }

    [Fact]
    public void Ignore_ignore_only_and_unstable_packages_filter_as_buf_does()
    {
        using var workspace = new ProtoWorkspace();
        var beta = "syntax = \"proto3\";\npackage acme.orders.v1beta1;\nmessage Draft { string id = 1; }\n";
        var (current, against) = Compile(
            workspace,
            new()
            {
                ["acme/orders/v1/orders.proto"] = Orders.Replace("  int32 quantity = 2;\n", string.Empty, StringComparison.Ordinal),
                ["acme/legacy/old.proto"] = "syntax = \"proto3\";\npackage acme.legacy;\nmessage Old { int64 id = 1; }\n",
                ["acme/orders/v1beta1/draft.proto"] = beta.Replace("string id", "int64 id", StringComparison.Ordinal),
            },
            new()
            {
                ["acme/orders/v1/orders.proto"] = Orders,
                ["acme/legacy/old.proto"] = "syntax = \"proto3\";\npackage acme.legacy;\nmessage Old { string id = 1; }\n",
                ["acme/orders/v1beta1/draft.proto"] = beta,
            });

        var all = BreakingChecker.Check(current, against, BreakingOptions.Default);
        Assert.Equal(new[] { "FIELD_SAME_TYPE", "FIELD_NO_DELETE", "FIELD_SAME_TYPE" }, all.Select(f => f.RuleId));

        var filtered = BreakingChecker.Check(current, against, new BreakingOptions
        {
            Ignore = new[] { "acme/legacy" },
            IgnoreOnly = new Dictionary<string, IReadOnlyList<string>> { ["FIELD_NO_DELETE"] = new[] { "acme/orders/v1/orders.proto" } },
            IgnoreUnstablePackages = true,
        });
        Assert.Empty(filtered);

        var onlyOther = BreakingChecker.Check(current, against, new BreakingOptions
        {
            IgnoreOnly = new Dictionary<string, IReadOnlyList<string>> { ["PACKAGE"] = new[] { "acme/legacy" } },
        });
        Assert.Equal(new[] { "acme/orders/v1/orders.proto", "acme/orders/v1beta1/draft.proto" }, onlyOther.Select(f => f.Location.Path));
    }

    [Fact]
    public void Deleted_files_are_ignored_by_their_old_path_and_unstable_package()
    {
        using var workspace = new ProtoWorkspace();
        var (current, against) = Compile(
            workspace,
            new() { ["acme/orders/v1/orders.proto"] = Orders },
            new()
            {
                ["acme/orders/v1/orders.proto"] = Orders,
                ["acme/legacy/old.proto"] = "syntax = \"proto3\";\npackage acme.legacy;\nmessage Old {}\n",
                ["acme/drafts/v1beta1/draft.proto"] = "syntax = \"proto3\";\npackage acme.drafts.v1beta1;\nmessage Draft {}\n",
            });

        Assert.Equal(2, BreakingChecker.Check(current, against, BreakingOptions.Default).Count);
        Assert.Empty(BreakingChecker.Check(current, against, new BreakingOptions { Ignore = new[] { "acme/legacy/old.proto" }, IgnoreUnstablePackages = true }));
    }

    [Fact]
    public void Imports_are_not_checked()
    {
        using var workspace = new ProtoWorkspace();
        workspace.Write("vendor-before/acme/common/money.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage Money { int64 units = 1; }\n");
        workspace.Write("vendor-after/acme/common/money.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage Money { string units = 1; }\n");
        var importing = "syntax = \"proto3\";\npackage acme.orders;\nimport \"acme/common/money.proto\";\nmessage Order { acme.common.Money total = 1; }\n";
        workspace.Write("before/acme/orders/orders.proto", importing);
        workspace.Write("after/acme/orders/orders.proto", importing);

        var against = workspace.Compile("before", new ProtocCompileOptions { IncludePaths = new[] { Path.Combine(workspace.Root, "vendor-before") } });
        var current = workspace.Compile("after", new ProtocCompileOptions { IncludePaths = new[] { Path.Combine(workspace.Root, "vendor-after") } });

        Assert.Empty(BreakingChecker.Check(current, against, new BreakingOptions { Use = new[] { "FILE", "PACKAGE" } }));
    }

    [Fact]
    public void Images_without_source_info_report_unknown_positions()
    {
        using var workspace = new ProtoWorkspace();
        var (current, against) = Compile(
            workspace,
            new() { ["acme/orders/v1/orders.proto"] = Orders.Replace("  int32 quantity = 2;\n", string.Empty, StringComparison.Ordinal) },
            new() { ["acme/orders/v1/orders.proto"] = Orders });
        var stripped = new SchemaImage(current.Files.Select(file =>
        {
            var copy = file.Clone();
            copy.SourceCodeInfo = null;
            return copy;
        }));

        var finding = Assert.Single(BreakingChecker.Check(stripped, against, BreakingOptions.Default));

        Assert.Equal(new SourcePosition("acme/orders/v1/orders.proto", 0, 0, 0, 0), finding.Location);
        Assert.NotNull(finding.BaselineLocation);
    }

    [Fact]
    public void Unknown_rules_fail_before_any_comparison()
    {
        var empty = new SchemaImage(Array.Empty<FileDescriptorProto>());
        var exception = Assert.Throws<BreakingConfigurationException>(() => BreakingChecker.Check(empty, empty, new BreakingOptions { Use = new[] { "NOT_A_RULE" } }));
        Assert.Contains("NOT_A_RULE", exception.Message, StringComparison.Ordinal);
    }

    private static (SchemaImage Current, SchemaImage Against) Compile(ProtoWorkspace workspace, Dictionary<string, string> after, Dictionary<string, string> before)
    {
        foreach (var pair in before)
        {
            workspace.Write("before/" + pair.Key, pair.Value);
        }

        foreach (var pair in after)
        {
            workspace.Write("after/" + pair.Key, pair.Value);
        }

        return (workspace.Compile("after"), workspace.Compile("before"));
    }
}
