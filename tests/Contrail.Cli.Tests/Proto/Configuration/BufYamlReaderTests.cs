using System;
using System.IO;
using Contrail.Cli.Proto.Configuration;
using Xunit;

namespace Contrail.Cli.Tests.Proto.Configuration;

public sealed class BufYamlReaderTests
{
    [Fact]
    public void Reads_a_v2_workspace_with_modules_and_every_breaking_key()
    {
        const string yaml = """
            # The workspace.
            version: v2
            modules:
              - path: proto
                name: buf.build/acme/shop   # a comment after a value
              - path: vendor/googleapis
                breaking:
                  use: [WIRE]
            deps:
              - buf.build/googleapis/googleapis
            lint:
              use:
                - STANDARD
            breaking:
              use:
                - FILE
                - "PACKAGE"
              except: [FIELD_SAME_JSON_NAME, 'FIELD_SAME_NAME']
              ignore:
                - proto/acme/legacy
                - proto/acme/old.proto
              ignore_only:
                FIELD_SAME_TYPE:
                  - proto/acme/billing
                WIRE_JSON: [proto/acme/json]
              ignore_unstable_packages: true
            """;

        var configuration = BufYamlReader.Read(yaml, "buf.yaml");

        Assert.Equal("v2", configuration.Version);
        Assert.Equal(new[] { "FILE", "PACKAGE" }, configuration.Breaking.Use);
        Assert.Equal(new[] { "FIELD_SAME_JSON_NAME", "FIELD_SAME_NAME" }, configuration.Breaking.Except);
        Assert.Equal(new[] { "proto/acme/legacy", "proto/acme/old.proto" }, configuration.Breaking.Ignore);
        Assert.Equal(new[] { "proto/acme/billing" }, configuration.Breaking.IgnoreOnly["FIELD_SAME_TYPE"]);
        Assert.True(configuration.Breaking.IgnoreUnstablePackages);
        Assert.Equal(2, configuration.Modules.Count);
        Assert.Equal("vendor/googleapis", configuration.Modules[1].Path);

        // The module's paths become relative to the module, as the compiled image names files.
        var proto = configuration.OptionsFor("proto");
        Assert.Equal(new[] { "acme/legacy", "acme/old.proto" }, proto.Ignore);
        Assert.Equal(new[] { "acme/json" }, proto.IgnoreOnly["WIRE_JSON"]);
        Assert.Equal(new[] { "FILE", "PACKAGE" }, proto.Use);

        // A module's own section replaces the workspace's.
        Assert.Equal(new[] { "WIRE" }, configuration.OptionsFor("vendor/googleapis").Use);
        Assert.True(configuration.Describes("proto"));
        Assert.False(configuration.Describes("elsewhere"));
    }

    [Fact]
    public void Reads_v1_with_paths_relative_to_the_module()
    {
        const string yaml = "version: v1\r\nname: buf.build/acme/shop\r\nbreaking:\r\n  use:\r\n  - WIRE_JSON\r\n  ignore:\r\n  - acme/legacy\r\n";

        var configuration = BufYamlReader.Read(yaml, "buf.yaml");

        Assert.Equal(new[] { "WIRE_JSON" }, configuration.OptionsFor(string.Empty).Use);
        Assert.Equal(new[] { "acme/legacy" }, configuration.OptionsFor(string.Empty).Ignore);
        Assert.True(configuration.Describes("."));
    }

    [Theory]
    [InlineData("", "v1beta1")]
    [InlineData("version: v2\n", "v2")]
    [InlineData("---\nversion: v2\nbreaking: {}\n...\n", "v2")]
    [InlineData("version: v2\nbreaking:\n  use: []\n  except: [ ]\n", "v2")]
    [InlineData("version: v2\nbreaking:\n  use: [\n    FILE,\n    WIRE,\n  ]\n", "v2")]
    [InlineData("version: \"v2\"\nbreaking: { use: [FILE], ignore_unstable_packages: false }\n", "v2")]
    [InlineData("version: v2\nbreaking:\n  use:\n", "v2")]
    [InlineData("version: v2 # latest\nbreaking: ~\n", "v2")]
    public void Accepts_the_yaml_buf_files_use(string yaml, string version)
    {
        Assert.Equal(version, BufYamlReader.Read(yaml, "buf.yaml").Version);
    }

    [Theory]
    [InlineData("version: v2\nbreaking:\n  use: [FILE]\n  usr: [WIRE]\n", "buf.yaml:4:3: unknown key 'usr' in 'breaking' (expected one of: use, except, ignore, ignore_only, ignore_unstable_packages, against_git_recurse_submodules)")]
    [InlineData("version: v2\nbreaking:\n  use:\n    - FIELD_SAME_TYPO\n", "buf.yaml:4:7: unknown breaking rule or category 'FIELD_SAME_TYPO'")]
    [InlineData("version: v2\nbreaking:\n  use: [file]\n", "buf.yaml:3:9: unknown breaking rule or category 'file' (rule IDs are upper case: FILE)")]
    [InlineData("version: v2\nbreaking:\n  ignore_only:\n    NOPE: [a]\n", "buf.yaml:4:5: unknown breaking rule or category 'NOPE'")]
    [InlineData("version: v2\nbreaking:\n  use: [FILE]\n  except: [FILE]\n", "buf.yaml:4:12: \"FILE\" is in both use and except")]
    [InlineData("version: v3\n", "buf.yaml:1:10: unknown version 'v3' (expected v1beta1, v1 or v2)")]
    [InlineData("version: v2\nbuild:\n  roots: [a]\n", "buf.yaml:2:1: unknown key 'build' in buf.yaml v2 (expected one of: version, name, modules, deps, lint, breaking, plugins, policies)")]
    [InlineData("version: v2\nbreaking:\n  use: FILE\n", "buf.yaml:3:8: 'use' must be a list, found a scalar")]
    [InlineData("version: v2\nbreaking:\n  use: [[FILE]]\n", "buf.yaml:3:9: 'use' must list strings, found a list")]
    [InlineData("version: v2\nbreaking:\n  ignore_unstable_packages: yes\n", "buf.yaml:3:29: 'ignore_unstable_packages' must be true or false")]
    [InlineData("version: v2\nbreaking:\n  ignore: [/etc]\n", "buf.yaml:3:12: '/etc' must be a relative path inside the workspace")]
    [InlineData("version: v2\nbreaking: [FILE]\n", "buf.yaml:2:11: 'breaking' must be a map, found a list")]
    [InlineData("version: v2\nversion: v1\n", "buf.yaml:2:1: duplicate key 'version'")]
    [InlineData("version: v2\nbreaking:\n\tuse: [FILE]\n", "buf.yaml:3:1: tabs are not allowed for indentation in YAML")]
    [InlineData("version: v2\nbreaking:\n  use: &rules [FILE]\n", "buf.yaml:3:8: anchors, aliases and tags are not supported in buf.yaml")]
    [InlineData("version: v2\nbreaking:\n  use: |\n    FILE\n", "buf.yaml:3:8: block scalars ('|', '>') are not supported in buf.yaml")]
    [InlineData("version: v2\nbreaking:\n  use: [FILE,\n", "buf.yaml:3:14: the file ends before the closing ']'")]
    [InlineData("version: v2\nbreaking:\n  use: [FILE WIRE}\n", "buf.yaml:3:18: expected ',' or ']'")]
    [InlineData("version: v2\nbreaking:\n  use: [FILE] x\n", "buf.yaml:3:15: unexpected text after the closing bracket")]
    [InlineData("version: v2\nbreaking:\n  use: \"FILE\n", "buf.yaml:3:8: the quoted value is not closed on its line")]
    [InlineData("version: v2\n  breaking: {}\n", "buf.yaml:2:3: unexpected indentation")]
    [InlineData("version: v2\nbreaking:\n    use: [FILE]\n  except: [WIRE]\n", "buf.yaml:4:3: unexpected indentation")]
    [InlineData("- a\n- b\n", "buf.yaml:1:1: expected a map of buf.yaml keys, found a list")]
    [InlineData("version: v2\nmodules:\n  - name: x\n", "buf.yaml:3:5: a module needs a 'path'")]
    [InlineData("version: v2\nbreaking:\n  use: a: b\n", "buf.yaml:3:9: unexpected ':' in a value (quote the value, or put a nested map on its own lines)")]
    [InlineData("version: v2\n---\nversion: v1\n", "buf.yaml:2:1: a buf.yaml holds one YAML document")]
    public void Rejects_bad_files_with_a_located_one_line_message(string yaml, string message)
    {
        var error = Assert.Throws<BufYamlException>(() => BufYamlReader.Read(yaml, "buf.yaml"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Quoted_scalars_unescape_and_keep_hashes()
    {
        var configuration = BufYamlReader.Read("version: v2\nbreaking:\n  ignore: [\"a #b/c\\u0041.proto\", 'it''s']\n", "buf.yaml");

        Assert.Equal(new[] { "a #b/cA.proto", "it's" }, configuration.Breaking.Ignore);
    }

    [Fact]
    public void A_missing_file_is_a_located_error()
    {
        var error = Assert.Throws<BufYamlException>(() => BufYamlReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "buf.yaml")));
        Assert.EndsWith("buf.yaml:1:1: file not found", error.Message, StringComparison.Ordinal);
    }
}
