using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Contrail.Package.Tests;

/// <summary>
/// The misuse corpus (issue 17): every diagnostic that Contrail.Generators' analyzers report for the
/// attributes its generators read (CTR0001-CTR0009, CTR3001-CTR3015, CTR4001-CTR4010) must reach
/// the user through <c>dotnet build</c> of a project that references the packed package.
/// </summary>
/// <remarks>
/// <para>
/// The command-line compiler runs no analyzer on a compilation that has errors. A generator that
/// leaves a partial method without a body (CS8795), or emits code that does not compile, therefore
/// hides every CTRxxxx diagnostic of the project, the one that explains the misuse included. So each
/// project below must build with no compiler error at all, and report each diagnostic its cases mark.
/// </para>
/// <para>
/// The cases are the C# files under MisuseCorpus/ (not compiled into this test project). A comment
/// <c>// expect: CTR3009</c> at the end of a line says that the build must report that ID on that
/// line; <c>// expect: CTR4005, CTR4005</c> expects it twice. Every CTRxxxx the build reports must be
/// marked, and every mark must be reported, on that line of that file.
/// </para>
/// <para>
/// Every ID is an error or a warning by default (none is hidden or info), so no .editorconfig is
/// needed; the build runs with warnings as warnings so that both kinds are listed.
/// </para>
/// </remarks>
[Collection(PackedContrailCollection.Name)]
public sealed class MisuseCorpusTests
{
    /// <summary>The project's compiler errors, and the IDs that mean a generator or an analyzer broke, whatever their severity.</summary>
    private static readonly string[] s_brokenComponentIds = { "AD0001", "CS8032", "CS8784", "CS8785" };

    private static readonly Regex s_expectation = new(@"//\s*expect:\s*(?<ids>CTR\d{4}(?:\s*,\s*CTR\d{4})*)\s*$", RegexOptions.CultureInvariant);

    // "path(line,col): error ID: message [project]", or "origin : warning ID: message [project]" without a position.
    private static readonly Regex s_diagnostic = new(
        @"^\s*(?:(?<file>[^\s].*?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\)|(?<origin>[^:\[]+?))\s*:\s*(?<severity>error|warning|info)\s+(?<id>[A-Z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_helpLink = new(@"\s*\(https?://[^\s)]+\)$", RegexOptions.CultureInvariant);

    private readonly PackedContrail _package;

    public MisuseCorpusTests(PackedContrail package) => _package = package;

    /// <summary>One case of each ID (CTR3014 aside, which needs another reference set) in one project.</summary>
    [Fact]
    public void One_misuse_of_each_generator_diagnostic_reaches_the_build_at_its_line()
    {
        using var consumer = Consumer.Create(_package, "MisuseCorpusOneOfEach", MainProgram);
        var cases = CopyCases(consumer, "OneOfEach");

        var build = consumer.Run("build", "-c", "Release", "-tl:off", "-p:TreatWarningsAsErrors=false");

        AssertCorpus(consumer, cases, build, mustCover: GeneratorBackedIds().Where(id => id != "CTR3014"));
    }

    /// <summary>The further shapes that the diagnostic pages list, each where a user would write it.</summary>
    [Fact]
    public void Every_documented_misuse_shape_reaches_the_build_at_its_line()
    {
        using var consumer = Consumer.Create(_package, "MisuseCorpusShapes", MainProgram);
        var cases = CopyCases(consumer, "Shapes");

        var build = consumer.Run("build", "-c", "Release", "-tl:off", "-p:TreatWarningsAsErrors=false");

        AssertCorpus(consumer, cases, build, mustCover: Array.Empty<string>());
    }

    /// <summary>
    /// CTR3014 needs a System.Diagnostics.DiagnosticSource that lacks a type, and CTR0001's "no gRPC at
    /// all" shape a project without gRPC: a netstandard2.0 library that references only Contrail.
    /// </summary>
    [Fact]
    public void A_library_without_DiagnosticSource_or_gRPC_gets_CTR3014_and_CTR0001()
    {
        using var consumer = Consumer.Create(_package, "MisuseCorpusNoDiagnosticSource", string.Empty);
        File.Delete(Path.Combine(consumer.Directory, "Program.cs"));
        File.Delete(Path.Combine(consumer.Directory, "orders.proto"));
        File.WriteAllText(Path.Combine(consumer.Directory, "MisuseCorpusNoDiagnosticSource.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Contrail" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        var cases = CopyCases(consumer, "NoDiagnosticSource");

        var build = consumer.Run("build", "-c", "Release", "-tl:off", "-p:TreatWarningsAsErrors=false");

        AssertCorpus(consumer, cases, build, mustCover: new[] { "CTR3014", "CTR0001" });
    }

    private const string MainProgram = """
        namespace Corpus
        {
            public static class Program
            {
                public static void Main() { }
            }
        }
        """;

    /// <summary>CTR0001-CTR0009, CTR3001-CTR3015 and CTR4001-CTR4010.</summary>
    private static IEnumerable<string> GeneratorBackedIds() =>
        Enumerable.Range(1, 9).Select(n => $"CTR{n:0000}")
            .Concat(Enumerable.Range(3001, 15).Select(n => $"CTR{n}"))
            .Concat(Enumerable.Range(4001, 10).Select(n => $"CTR{n}"));

    /// <summary>Copies MisuseCorpus/<paramref name="folder"/> into the consumer's Cases/ and returns the files it copied, relative to the consumer.</summary>
    private IReadOnlyList<string> CopyCases(Consumer consumer, string folder)
    {
        var source = Path.Combine(_package.RepositoryRoot, "tests", "Contrail.Package.Tests", "MisuseCorpus", folder);
        var target = Path.Combine(consumer.Directory, "Cases");
        Directory.CreateDirectory(target);
        var copied = new List<string>();
        foreach (var file in Directory.GetFiles(source, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            copied.Add("Cases/" + Path.GetFileName(file));
        }

        Assert.True(copied.Count > 0, "no case files in " + source);
        return copied;
    }

    private static void AssertCorpus(Consumer consumer, IReadOnlyList<string> caseFiles, (int ExitCode, string Output) build, IEnumerable<string> mustCover)
    {
        var expected = new List<Diagnostic>();
        var lines = new Dictionary<(string File, int Line), string>();
        foreach (var file in caseFiles)
        {
            var text = File.ReadAllLines(Path.Combine(consumer.Directory, file));
            for (var i = 0; i < text.Length; i++)
            {
                lines[(file, i + 1)] = text[i].Trim();
                var match = s_expectation.Match(text[i]);
                if (match.Success)
                {
                    foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        expected.Add(new Diagnostic(file, i + 1, 0, "expected", id, string.Empty));
                    }
                }
            }
        }

        var reported = ParseDiagnostics(build.Output, consumer.Directory);
        var reportedCtr = reported.Where(d => d.Id.StartsWith("CTR", StringComparison.Ordinal)).ToList();
        var compilerErrors = reported.Where(d => d.Severity == "error" && d.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        var inGeneratedCode = reported.Where(d => d.File.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        var brokenComponents = reported.Where(d => s_brokenComponentIds.Contains(d.Id)).ToList();

        // Multisets of (file, line, ID): a mark for an ID twice on one line needs two reports there.
        var missing = Subtract(expected, reportedCtr);
        var unexpected = Subtract(reportedCtr, expected);
        var uncovered = mustCover.Where(id => !expected.Any(e => e.Id == id)).ToList();

        var failure = new StringBuilder();
        if (compilerErrors.Count > 0)
        {
            failure.AppendLine($"{compilerErrors.Count} compiler error(s); the compiler runs no analyzer on a compilation with errors, so they hide the CTR diagnostics:");
            foreach (var error in compilerErrors)
            {
                failure.AppendLine("  " + Describe(error, lines));
            }
        }

        foreach (var (title, list) in new[] { ("diagnostic(s) in generated code", inGeneratedCode.Except(compilerErrors).ToList()), ("broken analyzer or generator", brokenComponents.Except(compilerErrors).ToList()) })
        {
            if (list.Count > 0)
            {
                failure.AppendLine($"{list.Count} {title}:");
                foreach (var diagnostic in list)
                {
                    failure.AppendLine("  " + Describe(diagnostic, lines));
                }
            }
        }

        if (missing.Count > 0 && compilerErrors.Count > 0 && reportedCtr.Count == 0)
        {
            failure.AppendLine($"None of the {missing.Count} expected diagnostics was reported, as the compiler errors above stopped the analyzers (missing IDs: {string.Join(", ", missing.Select(m => m.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))}).");
        }
        else if (missing.Count > 0)
        {
            failure.AppendLine($"{missing.Count} expected diagnostic(s) not reported at their line (missing IDs: {string.Join(", ", missing.Select(m => m.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))}):");
            foreach (var item in missing)
            {
                var elsewhere = unexpected.Where(u => u.Id == item.Id && u.File == item.File).Select(u => u.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var where = elsewhere.Count > 0 ? $"; wrong line? {item.Id} is reported unmarked in {item.File} at line(s) {string.Join(", ", elsewhere)}" : string.Empty;
                failure.AppendLine($"  {item.File}({item.Line}): {item.Id}{where}    | {lines.GetValueOrDefault((item.File, item.Line))}");
            }
        }

        if (unexpected.Count > 0)
        {
            failure.AppendLine($"{unexpected.Count} reported CTR diagnostic(s) that no case marks:");
            foreach (var item in unexpected)
            {
                failure.AppendLine("  " + Describe(item, lines));
            }
        }

        if (uncovered.Count > 0)
        {
            failure.AppendLine("IDs that no case marks: " + string.Join(", ", uncovered));
        }

        if (reported.Count == 0)
        {
            failure.AppendLine("The build reported no diagnostic at all; its output:");
            failure.AppendLine(build.Output);
        }

        Assert.True(failure.Length == 0, $"dotnet build exited with {build.ExitCode}.{Environment.NewLine}{failure}");
    }

    /// <summary>The distinct diagnostics of a build's output (MSBuild repeats each in its summary), with paths relative to the consumer.</summary>
    private static List<Diagnostic> ParseDiagnostics(string output, string directory)
    {
        var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var rawLine in output.Split('\n'))
        {
            var match = s_diagnostic.Match(rawLine.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var file = match.Groups["file"].Success ? match.Groups["file"].Value.Trim() : match.Groups["origin"].Value.Trim();
            if (file.StartsWith(root, StringComparison.Ordinal))
            {
                file = file.Substring(root.Length);
            }

            file = file.Replace('\\', '/');
            var diagnostic = new Diagnostic(
                file,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                s_helpLink.Replace(match.Groups["message"].Value, string.Empty));
            if (seen.Add(diagnostic.ToString()))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }

    /// <summary>The items of <paramref name="from"/> that <paramref name="remove"/> does not match by file, line and ID, each match used once.</summary>
    private static List<Diagnostic> Subtract(List<Diagnostic> from, List<Diagnostic> remove)
    {
        var pool = remove.GroupBy(d => (d.File, d.Line, d.Id)).ToDictionary(g => g.Key, g => g.Count());
        var left = new List<Diagnostic>();
        foreach (var item in from)
        {
            var key = (item.File, item.Line, item.Id);
            if (pool.TryGetValue(key, out var count) && count > 0)
            {
                pool[key] = count - 1;
            }
            else
            {
                left.Add(item);
            }
        }

        return left;
    }

    private static string Describe(Diagnostic diagnostic, Dictionary<(string File, int Line), string> lines) =>
        lines.TryGetValue((diagnostic.File, diagnostic.Line), out var source)
            ? $"{diagnostic}    | {source}"
            : diagnostic.ToString();

    private sealed record Diagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        public override string ToString() =>
            Line > 0 ? $"{File}({Line},{Column}): {Severity} {Id}: {Message}" : $"{File}: {Severity} {Id}: {Message}";
    }
}
