using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Contrail.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contrail.Analyzers.ProtoContracts;

/// <summary>
/// Reports breaking changes between a project's <c>.proto</c> files (Grpc.Tools <c>&lt;Protobuf&gt;</c>
/// items) and its checked-in baseline image, with buf's rules, at the <c>.proto</c> line.
/// </summary>
/// <remarks>
/// The package's build files pass the <c>.proto</c> files and the baseline as additional files marked with
/// <c>ContrailProtoKind</c> metadata. The schema work runs at most once per compilation (a lazily computed
/// result shared by the per-file actions) and not at all when the files on disk and the settings are the
/// same as for an earlier compilation (<see cref="ProtoContractCache"/>). It reads the files from disk
/// because protoc compiles the saved files and a binary baseline cannot be read through
/// <see cref="AdditionalText.GetText"/>: in the IDE, diagnostics follow the saved file.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtoContractAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> s_supported = ImmutableArray.Create(
            DiagnosticDescriptors.ProtoBaselineMissing,
            DiagnosticDescriptors.ProtoBaselineUnreadable,
            DiagnosticDescriptors.ProtoCompilationFailed,
            DiagnosticDescriptors.ProtocUnavailable,
            DiagnosticDescriptors.ProtoContractsConfigurationInvalid,
            DiagnosticDescriptors.ProtoBaselineUnrelated,
            DiagnosticDescriptors.ProtoContractCheckFailed)
        .AddRange(DiagnosticDescriptors.ProtoBreakingRules.Select(rule => rule.Descriptor));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => s_supported;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var protos = new List<(AdditionalText Text, string FullPath, string Root)>();
        AdditionalText? baselineText = null;
        foreach (var file in context.Options.AdditionalFiles)
        {
            var options = provider.GetOptions(file);
            var kind = ProtoContractSettings.Value(options, ProtoContractSettings.KindMetadata);
            if (string.Equals(kind, "proto", StringComparison.OrdinalIgnoreCase) && TryFullPath(file.Path, out var fullPath))
            {
                var root = ProtoContractSettings.Value(options, ProtoContractSettings.RootMetadata);
                protos.Add((file, fullPath, root is not null && TryFullPath(root, out var fullRoot) ? fullRoot : Path.GetDirectoryName(fullPath)!));
            }
            else if (string.Equals(kind, "baseline", StringComparison.OrdinalIgnoreCase))
            {
                baselineText = file;
            }
        }

        if (protos.Count == 0)
        {
            return;
        }

        protos.Sort((left, right) => StringComparer.Ordinal.Compare(left.FullPath, right.FullPath));
        var settings = ProtoContractSettings.Read(provider.GlobalOptions);
        var firstProto = protos[0].FullPath;
        var baselineFullPath = settings.BaselinePath is not null && TryFullPath(settings.BaselinePath, out var baselinePath) ? baselinePath : null;
        var baselineIsAdditionalFile = baselineText is not null && TryFullPath(baselineText.Path, out var baselineTextPath)
            && string.Equals(baselineTextPath, baselineFullPath, StringComparison.Ordinal);

        var result = new Lazy<ProtoContractResult>(
            () => ProtoContractCache.GetOrRun(ReadInputs(settings, protos)),
            LazyThreadSafetyMode.ExecutionAndPublication);

        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!TryFullPath(fileContext.AdditionalFile.Path, out var path))
            {
                return;
            }

            var isFirstProto = string.Equals(path, firstProto, StringComparison.Ordinal);
            var isProto = isFirstProto || protos.Any(proto => string.Equals(proto.FullPath, path, StringComparison.Ordinal));
            var isBaseline = baselineIsAdditionalFile && string.Equals(path, baselineFullPath, StringComparison.Ordinal);
            if (!isProto && !isBaseline)
            {
                return;
            }

            SourceText? text = null;
            foreach (var finding in result.Value.Findings)
            {
                var target = finding.FilePath is null ? firstProto : Normalize(finding.FilePath);
                if (string.Equals(target, path, StringComparison.Ordinal))
                {
                    if (isProto)
                    {
                        text ??= fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
                    }

                    fileContext.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, LocationIn(path, isProto ? text : null, finding), finding.Arguments));
                }
                else if (isFirstProto && !IsProjectFile(target, protos, baselineIsAdditionalFile ? baselineFullPath : null))
                {
                    // The baseline is not an additional file (it was created after the project was loaded):
                    // report its diagnostics with the first .proto, still pointing at the baseline's path.
                    fileContext.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, LocationIn(target, null, finding), finding.Arguments));
                }
            }
        });
    }

    private static bool IsProjectFile(string path, List<(AdditionalText Text, string FullPath, string Root)> protos, string? baseline) =>
        string.Equals(path, baseline, StringComparison.Ordinal) || protos.Any(proto => string.Equals(proto.FullPath, path, StringComparison.Ordinal));

#pragma warning disable RS1035 // The analyzer reads the saved .proto files and the binary baseline: protoc compiles files on disk, and GetText cannot carry binary content.
    private static ProtoContractInputs ReadInputs(ProtoContractSettings settings, List<(AdditionalText Text, string FullPath, string Root)> protos)
    {
        var files = protos
            .Select(proto => new ProtoProjectFile(proto.FullPath, proto.Root, TryRead(proto.FullPath, out var content, out _) ? content : null))
            .ToList();

        byte[]? baseline = null;
        string? baselineError = null;
        if (settings.BaselinePath is not null && File.Exists(settings.BaselinePath) && !TryRead(settings.BaselinePath, out baseline, out baselineError))
        {
            baseline = null;
        }

        return new ProtoContractInputs(settings, files, baseline, baselineError);
    }

    private static bool TryRead(string path, out byte[]? content, out string? error)
    {
        try
        {
            content = File.ReadAllBytes(path);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            content = null;
            error = exception.Message;
            return false;
        }
    }
#pragma warning restore RS1035

    private static Location LocationIn(string path, SourceText? text, ProtoContractFinding finding)
    {
        if (text is null || finding.Line <= 0)
        {
            return Location.Create(path, default, default);
        }

        var start = Position(text, finding.Line, finding.Column);
        var end = finding.EndLine > 0 ? Position(text, finding.EndLine, finding.EndColumn) : start;
        if (end.Position < start.Position)
        {
            end = start;
        }

        return Location.Create(path, TextSpan.FromBounds(start.Position, end.Position), new LinePositionSpan(start.LinePosition, end.LinePosition));
    }

    /// <summary>Maps protoc's 1-based line and column (a tab advances to the next multiple of 8) to a text position.</summary>
    private static (int Position, LinePosition LinePosition) Position(SourceText text, int line, int column)
    {
        var lineIndex = Math.Min(Math.Max(line - 1, 0), text.Lines.Count - 1);
        var textLine = text.Lines[lineIndex];
        var visual = 0;
        var target = Math.Max(column - 1, 0);
        var offset = 0;
        while (offset < textLine.Span.Length && visual < target)
        {
            visual = text[textLine.Start + offset] == '\t' ? visual + 8 - (visual % 8) : visual + 1;
            offset++;
        }

        return (textLine.Start + offset, new LinePosition(lineIndex, offset));
    }

    private static bool TryFullPath(string path, out string fullPath)
    {
        try
        {
            fullPath = Normalize(path);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            fullPath = path;
            return false;
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path);
}
