using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Contrail.Analyzers.Diagnostics;
using Contrail.Schema;
using Contrail.Schema.Breaking;
using Contrail.Schema.Images;
using Contrail.Schema.Protoc;
using Microsoft.CodeAnalysis;

namespace Contrail.Analyzers.ProtoContracts;

/// <summary>
/// One diagnostic the check produced, before it is given a Roslyn location: the file (a .proto, the
/// baseline, or null for "the project's first .proto") and buf's 1-based span.
/// </summary>
internal sealed class ProtoContractFinding
{
    public ProtoContractFinding(DiagnosticDescriptor descriptor, string? filePath, int line, int column, int endLine, int endColumn, params object[] arguments)
    {
        Descriptor = descriptor;
        FilePath = filePath;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The full path of the file the diagnostic is in; null means the project's first .proto file.</summary>
    public string? FilePath { get; }

    /// <summary>1-based; 0 when unknown (the diagnostic then points at the file's start).</summary>
    public int Line { get; }

    /// <summary>1-based, in protoc's columns (a tab advances to the next multiple of 8); 0 when unknown.</summary>
    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public object[] Arguments { get; }
}

/// <summary>What one run of the check found; immutable, shared by every compilation with the same inputs.</summary>
internal sealed class ProtoContractResult
{
    public ProtoContractResult(ImmutableArray<ProtoContractFinding> findings) => Findings = findings;

    public ImmutableArray<ProtoContractFinding> Findings { get; }
}

/// <summary>
/// The inputs of the check as read from disk: the settings, the <c>.proto</c> files and the baseline's bytes.
/// </summary>
internal sealed class ProtoContractInputs
{
    public ProtoContractInputs(ProtoContractSettings settings, IReadOnlyList<ProtoProjectFile> protos, byte[]? baseline, string? baselineReadError)
    {
        Settings = settings;
        Protos = protos;
        Baseline = baseline;
        BaselineReadError = baselineReadError;
    }

    public ProtoContractSettings Settings { get; }

    public IReadOnlyList<ProtoProjectFile> Protos { get; }

    /// <summary>The baseline's bytes, or null when it does not exist or could not be read.</summary>
    public byte[]? Baseline { get; }

    /// <summary>Why an existing baseline could not be read, or null.</summary>
    public string? BaselineReadError { get; }
}

/// <summary>
/// The schema work: compile the current <c>.proto</c> files with protoc, read the baseline image and run
/// buf's rules. Every failure becomes a finding; nothing here throws.
/// </summary>
internal static class ProtoContractCheck
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_ruleDescriptors =
        DiagnosticDescriptors.ProtoBreakingRules.ToImmutableDictionary(rule => rule.BufRuleId, rule => rule.Descriptor, StringComparer.Ordinal);

    public static ProtoContractResult Run(ProtoContractInputs inputs)
    {
        var findings = ImmutableArray.CreateBuilder<ProtoContractFinding>();
        try
        {
            RunCore(inputs, findings);
        }
        catch (Exception exception)
        {
            // A defect in the engine must not become AD0001 and hide every other diagnostic of the build.
            findings.Clear();
            findings.Add(AtFirstProto(DiagnosticDescriptors.ProtoContractCheckFailed, exception.GetType().Name + ": " + OneLine(exception.Message)));
        }

        return new ProtoContractResult(findings.ToImmutable());
    }

    private static void RunCore(ProtoContractInputs inputs, ImmutableArray<ProtoContractFinding>.Builder findings)
    {
        var settings = inputs.Settings;
        if (!settings.IsCategoryValid)
        {
            findings.Add(AtFirstProto(
                DiagnosticDescriptors.ProtoContractsConfigurationInvalid,
                $"ContrailProtoBreakingCategory is '{settings.Category}'; use one of {string.Join(", ", ProtoContractSettings.Categories)} (buf's breaking categories)"));
            return;
        }

        var baselinePath = settings.BaselinePath;
        if (baselinePath is null)
        {
            findings.Add(AtFirstProto(
                DiagnosticDescriptors.ProtoContractsConfigurationInvalid,
                "ContrailProtoBaseline is empty; set it to the baseline image's path or remove it to use the default"));
            return;
        }

        if (inputs.BaselineReadError is not null)
        {
            findings.Add(AtFile(DiagnosticDescriptors.ProtoBaselineUnreadable, baselinePath, inputs.BaselineReadError));
            return;
        }

        if (inputs.Baseline is null)
        {
            findings.Add(AtFirstProto(DiagnosticDescriptors.ProtoBaselineMissing, baselinePath));
            return;
        }

        SchemaImage baseline;
        try
        {
            var format = SchemaImageFormats.TryFromPath(baselinePath, out var known) ? known : SchemaImageFormat.Binary;
            baseline = SchemaImageReader.Read(inputs.Baseline, format, Path.GetFileName(baselinePath));
        }
        catch (SchemaFormatException exception)
        {
            findings.Add(AtFile(DiagnosticDescriptors.ProtoBaselineUnreadable, baselinePath, OneLine(exception.Problem)));
            return;
        }

        if (baseline.Files.Count == 0)
        {
            // Zero bytes parse as an empty FileDescriptorSet; as a baseline it would accept every change.
            findings.Add(AtFile(DiagnosticDescriptors.ProtoBaselineUnreadable, baselinePath, "it holds no file (an empty or truncated image)"));
            return;
        }

        SchemaImage current;
        try
        {
            current = ProtoProjectCompiler.Compile(inputs.Protos, settings.ProtocPath, settings.StandardImportsPath, settings.ImportDirectories);
        }
        catch (ProtocNotFoundException exception)
        {
            findings.Add(AtFirstProto(DiagnosticDescriptors.ProtocUnavailable, OneLine(exception.Message)));
            return;
        }
        catch (ProtocCompilationException exception)
        {
            AddCompilationErrors(inputs.Protos, exception, findings);
            return;
        }
        catch (ProtocException exception)
        {
            findings.Add(AtFirstProto(DiagnosticDescriptors.ProtocUnavailable, OneLine(exception.Message)));
            return;
        }

        var fileByVirtualPath = ByVirtualPath(inputs.Protos);
        var baselineOwn = baseline.OwnFiles.Select(file => file.Name).ToList();
        if (baselineOwn.Count > 0 && !baselineOwn.Any(fileByVirtualPath.ContainsKey))
        {
            findings.Add(AtFile(
                DiagnosticDescriptors.ProtoBaselineUnrelated,
                baselinePath,
                Names(baselineOwn),
                Names(fileByVirtualPath.Keys)));
        }

        var options = new BreakingOptions { Use = new[] { settings.Category } };
        foreach (var finding in BreakingChecker.Check(current, baseline, options))
        {
            if (!s_ruleDescriptors.TryGetValue(finding.RuleId, out var descriptor))
            {
                // The engine knows a rule this catalogue does not (a version mismatch): say so rather than drop it.
                findings.Add(AtFirstProto(
                    DiagnosticDescriptors.ProtoContractCheckFailed,
                    $"the engine reported rule {finding.RuleId}, which has no Contrail diagnostic ID: {OneLine(finding.Message)}"));
                continue;
            }

            var position = finding.Location;
            if (fileByVirtualPath.TryGetValue(position.Path, out var file))
            {
                findings.Add(new ProtoContractFinding(descriptor, file.FullPath, position.StartLine, position.StartColumn, position.EndLine, position.EndColumn, BufMessage(finding.Message)));
            }
            else
            {
                // A file deleted since the baseline: it is no longer in the project, so the finding goes
                // to the baseline, which still describes it.
                findings.Add(AtFile(descriptor, baselinePath, BufMessage(finding.Message)));
            }
        }
    }

    private static void AddCompilationErrors(IReadOnlyList<ProtoProjectFile> protos, ProtocCompilationException exception, ImmutableArray<ProtoContractFinding>.Builder findings)
    {
        var fileByVirtualPath = ByVirtualPath(protos);
        if (exception.Errors.Count == 0)
        {
            findings.Add(AtFirstProto(DiagnosticDescriptors.ProtoCompilationFailed, OneLine(exception.Message)));
            return;
        }

        foreach (var error in exception.Errors)
        {
            var file = fileByVirtualPath.TryGetValue(error.Path, out var byName)
                ? byName
                : protos.FirstOrDefault(proto => string.Equals(proto.FullPath, error.Path, StringComparison.Ordinal));
            if (file is not null)
            {
                findings.Add(new ProtoContractFinding(DiagnosticDescriptors.ProtoCompilationFailed, file.FullPath, error.Line, error.Column, error.Line, error.Column, OneLine(error.Message)));
            }
            else
            {
                // An imported file outside the project, or a message without a file: keep protoc's own words.
                findings.Add(AtFirstProto(DiagnosticDescriptors.ProtoCompilationFailed, OneLine(error.ToString())));
            }
        }
    }

    private static Dictionary<string, ProtoProjectFile> ByVirtualPath(IReadOnlyList<ProtoProjectFile> protos)
    {
        var result = new Dictionary<string, ProtoProjectFile>(StringComparer.Ordinal);
        foreach (var proto in protos)
        {
            if (!result.ContainsKey(proto.VirtualPath))
            {
                result.Add(proto.VirtualPath, proto);
            }
        }

        return result;
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.OrderBy(name => name, StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", list.Take(3).Select(name => "'" + name + "'"));
        return list.Count > 3 ? string.Format(CultureInfo.InvariantCulture, "{0} and {1} more", shown, list.Count - 3) : shown;
    }

    private static ProtoContractFinding AtFirstProto(DiagnosticDescriptor descriptor, params object[] arguments) =>
        new(descriptor, null, 0, 0, 0, 0, arguments);

    private static ProtoContractFinding AtFile(DiagnosticDescriptor descriptor, string path, params object[] arguments) =>
        new(descriptor, path, 0, 0, 0, 0, arguments);

    /// <summary>buf's message exactly as <c>buf breaking</c> and <c>contrail proto breaking</c> print it, on one line.</summary>
    private static string BufMessage(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim())).TrimEnd('.');
}
