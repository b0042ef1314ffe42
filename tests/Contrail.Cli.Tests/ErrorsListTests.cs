using System;
using System.IO;
using Xunit;

namespace Contrail.Cli.Tests;

public sealed class ErrorsListTests : IDisposable
{
    private readonly FixtureDirectory _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public void Markdown_lists_one_assembly_sorted_by_domain_then_reason()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop);

        Assert.Equal(Lf(Catalogs.ShopMarkdown), result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Json_lists_one_assembly_sorted_with_every_field_in_a_fixed_order()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop, "--format", "json");

        Assert.Equal(Lf(Catalogs.ShopJson), result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Two_assemblies_are_merged_and_sorted_whatever_their_order()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);
        var billing = _fixtures.CompileWithCatalog("Acme.Billing", Catalogs.Billing);

        var markdown = CliRunner.Run("errors", "list", shop, billing);
        var reversed = CliRunner.Run("errors", "list", billing, shop, "-f", "markdown");
        var json = CliRunner.Run("errors", "list", "--format", "json", shop, billing);

        Assert.Equal(Lf(Catalogs.MergedMarkdown), markdown.Stdout);
        Assert.Equal(markdown.Stdout, reversed.Stdout);
        Assert.Equal(Lf(Catalogs.MergedJson), json.Stdout);
        Assert.All(new[] { markdown, reversed, json }, r => Assert.Equal((0, string.Empty), (r.ExitCode, r.Stderr)));
    }

    [Fact]
    public void The_same_assembly_named_twice_lists_its_errors_once()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop, shop);

        Assert.Equal(Lf(Catalogs.ShopMarkdown), result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void An_assembly_without_a_catalog_prints_the_empty_table_and_a_note()
    {
        var plain = _fixtures.CompileWithCatalog("Acme.Plain", catalogJson: null);

        var markdown = CliRunner.Run("errors", "list", plain);
        var json = CliRunner.Run("errors", "list", plain, "--format", "json");

        var note = $"contrail: note: no [GrpcError] errors found in '{plain}' (it has no Contrail error catalog)\n";
        Assert.Equal((0, Catalogs.MarkdownHeader, note), (markdown.ExitCode, markdown.Stdout, markdown.Stderr));
        Assert.Equal((0, Catalogs.EmptyJson, note), (json.ExitCode, json.Stdout, json.Stderr));
    }

    [Fact]
    public void Empty_catalogs_of_several_assemblies_print_the_empty_list_and_a_note()
    {
        var empty = _fixtures.CompileWithCatalog("Acme.Empty", Catalogs.Empty);
        var plain = _fixtures.CompileWithCatalog("Acme.Plain", catalogJson: null);

        var result = CliRunner.Run("errors", "list", empty, plain, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Catalogs.EmptyJson, result.Stdout);
        Assert.Equal("contrail: note: no [GrpcError] errors found in the 2 given assemblies (none has a Contrail error catalog)\n", result.Stderr);
    }

    [Fact]
    public void The_attribute_is_matched_by_name_whatever_assembly_defines_it()
    {
        // The attribute defined in the assembly itself (a TypeDefinition, not a TypeReference), with a
        // named argument after the JSON, next to a same-named attribute of another namespace.
        var source = $$"""
            [assembly: Contrail.ErrorCatalog({{Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Catalogs.Shop, quote: true)}}, Mapper = typeof(Contrail.ErrorCatalogAttribute))]
            [assembly: Other.ErrorCatalog("not a catalog")]

            namespace Contrail
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class ErrorCatalogAttribute : System.Attribute
                {
                    public ErrorCatalogAttribute(string json) => Json = json;

                    public string Json { get; }

                    public System.Type? Mapper { get; set; }
                }
            }

            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class ErrorCatalogAttribute : System.Attribute
                {
                    public ErrorCatalogAttribute(string json) => Json = json;

                    public string Json { get; }
                }
            }
            """;
        var assembly = _fixtures.Compile("Acme.SelfDefined", source, referenceAbstractions: false);

        var result = CliRunner.Run("errors", "list", assembly);

        Assert.Equal((0, Lf(Catalogs.ShopMarkdown), string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void Output_option_writes_the_file_and_nothing_to_stdout()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);
        var markdownFile = Path.Combine(_fixtures.Path, "docs", "errors.md");
        var jsonFile = Path.Combine(_fixtures.Path, "errors.json");

        var markdown = CliRunner.Run("errors", "list", shop, "--output", markdownFile);
        var json = CliRunner.Run("errors", "list", shop, "-o", jsonFile, "-f", "json");

        Assert.Equal((0, string.Empty, string.Empty), (markdown.ExitCode, markdown.Stdout, markdown.Stderr));
        Assert.Equal((0, string.Empty, string.Empty), (json.ExitCode, json.Stdout, json.Stderr));
        Assert.Equal(Lf(Catalogs.ShopMarkdown), File.ReadAllText(markdownFile));
        var jsonBytes = File.ReadAllBytes(jsonFile);
        Assert.NotEqual(0xEF, jsonBytes[0]); // UTF-8 without a byte order mark
        Assert.Equal(Lf(Catalogs.ShopJson), System.Text.Encoding.UTF8.GetString(jsonBytes));
    }

    [Fact]
    public void A_missing_file_fails_with_one_line()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);
        var missing = Path.Combine(_fixtures.Path, "Missing.dll");

        var result = CliRunner.Run("errors", "list", shop, missing);

        CliRunner.AssertOneLineFailure(result, $"contrail: file not found: '{missing}'");
        Assert.Equal($"contrail: file not found: '{missing}'\n", result.Stderr);
    }

    [Fact]
    public void A_directory_fails_with_one_line()
    {
        var result = CliRunner.Run("errors", "list", _fixtures.Path);

        CliRunner.AssertOneLineFailure(result, $"contrail: '{_fixtures.Path}' is a directory, not an assembly file");
    }

    [Fact]
    public void A_file_of_random_bytes_fails_with_one_line()
    {
        var bytes = new byte[4096];
        new Random(20240611).NextBytes(bytes);
        var file = _fixtures.WriteBytes("Random.dll", bytes);

        var result = CliRunner.Run("errors", "list", file);

        CliRunner.AssertOneLineFailure(result, $"contrail: '{file}' is not a valid .NET assembly (");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(64)]
    [InlineData(200)]
    [InlineData(600)]
    public void A_file_that_is_not_an_assembly_fails_with_one_line(int length)
    {
        // Empty, "MZ" alone, a DOS header only, a PE header cut short, a text file: never a stack trace.
        var bytes = new byte[length];
        if (length >= 2)
        {
            bytes[0] = (byte)'M';
            bytes[1] = (byte)'Z';
        }

        var file = _fixtures.WriteBytes($"Short{length}.dll", bytes);

        var result = CliRunner.Run("errors", "list", file);

        CliRunner.AssertOneLineFailure(result, $"contrail: '{file}' is not a valid .NET assembly (");
    }

    [Fact]
    public void A_text_file_fails_with_one_line()
    {
        var file = Path.Combine(_fixtures.Path, "README.md");
        File.WriteAllText(file, "# Not an assembly\n");

        var result = CliRunner.Run("errors", "list", file);

        CliRunner.AssertOneLineFailure(result, $"contrail: '{file}' is not a valid .NET assembly (");
    }

    [Theory]
    [InlineData(0.15)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.99)]
    [InlineData(1.0)] // one byte short
    public void A_truncated_assembly_fails_with_one_line(double fraction)
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);
        var bytes = File.ReadAllBytes(shop);
        var length = Math.Min((int)(bytes.Length * fraction), bytes.Length - 1);
        var truncated = _fixtures.WriteBytes("Truncated.dll", bytes.AsSpan(0, length).ToArray());

        var result = CliRunner.Run("errors", "list", truncated);

        // The reason is the metadata reader's ("Invalid metadata section span") or, when the headers
        // are whole, "the file is truncated".
        CliRunner.AssertOneLineFailure(result, $"contrail: '{truncated}' is not a valid .NET assembly (");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"errors":[]}""")]
    [InlineData("""{"version":1}""")]
    [InlineData("""{"version":1,"errors":{}}""")]
    [InlineData("""{"version":1,"errors":[{"domain":"d","reason":"R","code":"NOT_FOUND","codeValue":"5","httpStatus":404}]}""")]
    [InlineData("""{"version":1,"errors":[{"domain":"d","reason":"R","code":"NOT_FOUND","codeValue":5,"httpStatus":404,"metadataKeys":[1]}]}""")]
    [InlineData("""{"version":1,"errors":[{"reason":"R","code":"NOT_FOUND","codeValue":5,"httpStatus":404}]}""")]
    public void A_corrupt_catalog_fails_with_one_line_naming_the_assembly(string json)
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);
        var corrupt = _fixtures.CompileWithCatalog("Acme.Corrupt", json);

        var result = CliRunner.Run("errors", "list", shop, corrupt);

        CliRunner.AssertOneLineFailure(result, $"contrail: corrupt error catalog in '{corrupt}': ");
    }

    [Fact]
    public void A_catalog_of_a_newer_version_asks_for_a_newer_tool()
    {
        var newer = _fixtures.CompileWithCatalog("Acme.Newer", """{"version":2,"errors":[]}""");

        var result = CliRunner.Run("errors", "list", newer);

        CliRunner.AssertOneLineFailure(
            result,
            $"contrail: the error catalog in '{newer}' has version 2; this contrail reads version 1 (update the tool)\n");
    }

    [Fact]
    public void An_unknown_format_fails_with_one_line()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop, "--format", "yaml");

        CliRunner.AssertOneLineFailure(
            result,
            "contrail: unknown format 'yaml' (expected markdown or json). Run 'contrail errors list --help' for usage.\n");
    }

    [Fact]
    public void An_unknown_option_fails_with_one_line()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop, "--colour");

        CliRunner.AssertOneLineFailure(
            result,
            "contrail: unknown option '--colour'. Run 'contrail errors list --help' for usage.\n");
    }

    [Fact]
    public void Arguments_after_a_double_dash_are_paths()
    {
        var result = CliRunner.Run("errors", "list", "--", "--colour");

        CliRunner.AssertOneLineFailure(result, "contrail: file not found: '--colour'\n");
    }

    [Fact]
    public void A_missing_assembly_argument_fails_with_one_line()
    {
        var result = CliRunner.Run("errors", "list", "--format", "json");

        CliRunner.AssertOneLineFailure(
            result,
            "contrail: missing argument <assembly-path>. Run 'contrail errors list --help' for usage.\n");
    }

    [Fact]
    public void A_missing_option_value_fails_with_one_line()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        var result = CliRunner.Run("errors", "list", shop, "--output");

        CliRunner.AssertOneLineFailure(
            result,
            "contrail: missing value for option '--output'. Run 'contrail errors list --help' for usage.\n");
    }

    [Fact]
    public void An_unwritable_output_fails_with_one_line()
    {
        var shop = _fixtures.CompileWithCatalog("Acme.Shop", Catalogs.Shop);

        // The output path is an existing directory.
        var result = CliRunner.Run("errors", "list", shop, "--output", _fixtures.Path);

        CliRunner.AssertOneLineFailure(result, $"contrail: cannot write '{_fixtures.Path}': ");
    }

    private static string Lf(string text) => text.ReplaceLineEndings("\n");
}
