using System;
using System.Collections.Generic;
using System.Linq;
using Contrail.Schema.Breaking;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contrail.Analyzers.ProtoContracts;

/// <summary>
/// The MSBuild settings of the proto contract check, as the package's <c>buildTransitive/Contrail.targets</c>
/// passes them to the compiler (<c>CompilerVisibleProperty</c> and <c>CompilerVisibleItemMetadata</c>).
/// </summary>
internal sealed class ProtoContractSettings
{
    /// <summary>Full path of the baseline image (<c>$(ContrailProtoBaseline)</c>).</summary>
    public const string BaselineProperty = "build_property.ContrailProtoBaseline";

    /// <summary>buf's category to check (<c>$(ContrailProtoBreakingCategory)</c>): FILE, PACKAGE, WIRE_JSON or WIRE.</summary>
    public const string CategoryProperty = "build_property.ContrailProtoBreakingCategory";

    /// <summary>protoc's full path, from Grpc.Tools (<c>$(Protobuf_ProtocFullPath)</c>).</summary>
    public const string ProtocProperty = "build_property.ContrailProtocPath";

    /// <summary>The well-known types' include directory, from Grpc.Tools (<c>$(Protobuf_StandardImportsPath)</c>).</summary>
    public const string StandardImportsProperty = "build_property.ContrailProtoStandardImportsPath";

    /// <summary>Further include directories, ';'-separated (every <c>%(Protobuf.AdditionalImportDirs)</c>).</summary>
    public const string ImportDirectoriesProperty = "build_property.ContrailProtoImportDirs";

    /// <summary>Per additional file: <c>proto</c> for a <c>&lt;Protobuf&gt;</c> item, <c>baseline</c> for the baseline.</summary>
    public const string KindMetadata = "build_metadata.AdditionalFiles.ContrailProtoKind";

    /// <summary>Per <c>.proto</c> additional file: the full path of its proto root (<c>%(Protobuf.ProtoRoot)</c>).</summary>
    public const string RootMetadata = "build_metadata.AdditionalFiles.ContrailProtoRoot";

    /// <summary>The categories buf knows for breaking rules (FILE, PACKAGE, WIRE_JSON, WIRE, CSR), from the engine's catalogue.</summary>
    public static IReadOnlyList<string> Categories => BreakingRules.Categories;

    private ProtoContractSettings(string? baselinePath, string category, string? protocPath, string? standardImportsPath, IReadOnlyList<string> importDirectories)
    {
        BaselinePath = baselinePath;
        Category = category;
        ProtocPath = protocPath;
        StandardImportsPath = standardImportsPath;
        ImportDirectories = importDirectories;
    }

    /// <summary>The baseline's path, or null when the build did not say (no Contrail targets).</summary>
    public string? BaselinePath { get; }

    /// <summary>The category, upper case; may be invalid (see <see cref="IsCategoryValid"/>).</summary>
    public string Category { get; }

    /// <summary>Whether <see cref="Category"/> is one of buf's.</summary>
    public bool IsCategoryValid => Categories.Contains(Category, StringComparer.Ordinal);

    /// <summary>protoc's path, or null to locate it as the CLI does.</summary>
    public string? ProtocPath { get; }

    /// <summary>The well-known types' directory, or null.</summary>
    public string? StandardImportsPath { get; }

    /// <summary>Further include directories.</summary>
    public IReadOnlyList<string> ImportDirectories { get; }

    /// <summary>Reads the settings from the compilation's global options.</summary>
    public static ProtoContractSettings Read(AnalyzerConfigOptions options)
    {
        var category = Value(options, CategoryProperty)?.ToUpperInvariant() ?? "FILE";
        var imports = (Value(options, ImportDirectoriesProperty) ?? string.Empty)
            .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => path.Trim())
            .Where(path => path.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new ProtoContractSettings(Value(options, BaselineProperty), category, Value(options, ProtocProperty), Value(options, StandardImportsProperty), imports);
    }

    /// <summary>A canonical text of every setting, part of the cache key.</summary>
    public string Describe() =>
        string.Join("\n", BaselinePath, Category, ProtocPath, StandardImportsPath, string.Join(";", ImportDirectories));

    /// <summary>The trimmed value of <paramref name="key"/>, or null when it is absent or blank.</summary>
    public static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
