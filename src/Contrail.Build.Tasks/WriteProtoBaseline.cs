using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Contrail.Analyzers.ProtoContracts;
using Contrail.Schema.Images;
using Contrail.Schema.Protoc;
using Microsoft.Build.Framework;

namespace Contrail.Build.Tasks;

/// <summary>
/// Writes the proto contract baseline from the project's <c>.proto</c> files: protoc with the project's
/// include paths (the analyzer's compiler), then the canonical buf image bytes <c>contrail proto snapshot</c>
/// writes. The one step that accepts a change; nothing else writes the baseline.
/// </summary>
public sealed class WriteProtoBaseline : ITask
{
    /// <inheritdoc/>
    public IBuildEngine BuildEngine { get; set; } = null!;

    /// <inheritdoc/>
    public ITaskHost? HostObject { get; set; }

    /// <summary>The <c>.proto</c> files (full paths) with <c>ContrailProtoRoot</c> metadata.</summary>
    [Required]
    public ITaskItem[] ProtoFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The baseline's full path; its extension chooses binary (<c>.binpb</c>, <c>.pb</c>, <c>.bin</c>) or JSON.</summary>
    [Required]
    public string Baseline { get; set; } = string.Empty;

    /// <summary>protoc's path (Grpc.Tools' <c>Protobuf_ProtocFullPath</c>); empty to locate it as the CLI does.</summary>
    public string? ProtocPath { get; set; }

    /// <summary>The well-known types' include directory (Grpc.Tools' <c>Protobuf_StandardImportsPath</c>).</summary>
    public string? StandardImportsPath { get; set; }

    /// <summary>Further include directories, ';'-separated.</summary>
    public string? ImportDirectories { get; set; }

    /// <inheritdoc/>
    public bool Execute()
    {
        var files = ProtoFiles
            .Select(item => new ProtoProjectFile(
                item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec,
                item.GetMetadata("ContrailProtoRoot") is { Length: > 0 } root ? root : Path.GetDirectoryName(Path.GetFullPath(item.ItemSpec))!))
            .ToList();
        if (files.Count == 0)
        {
            Error("CTR2005", null, 0, 0, "there are no .proto files to write a proto contract baseline from");
            return false;
        }

        var imports = (ImportDirectories ?? string.Empty)
            .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => path.Trim())
            .Where(path => path.Length > 0)
            .ToList();
        try
        {
            var image = ProtoProjectCompiler.Compile(files, Blank(ProtocPath), Blank(StandardImportsPath), imports);
            var format = SchemaImageFormats.TryFromPath(Baseline, out var known) ? known : SchemaImageFormat.Binary;
            var bytes = SchemaImageWriter.Write(image, format);
            if (File.Exists(Baseline) && File.ReadAllBytes(Baseline).AsSpan().SequenceEqual(bytes))
            {
                Message($"Contrail: the proto contract baseline {Baseline} already matches the .proto files.");
                return true;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(Baseline));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // Write beside the target and move over it, so an interrupted write never leaves a truncated baseline.
            var temporary = Baseline + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            if (File.Exists(Baseline))
            {
                File.Delete(Baseline);
            }

            File.Move(temporary, Baseline);
            Message(string.Format(
                CultureInfo.InvariantCulture,
                "Contrail: wrote the proto contract baseline {0} ({1} file{2}); commit it to accept the change.",
                Baseline,
                image.OwnFiles.Count(),
                image.OwnFiles.Count() == 1 ? string.Empty : "s"));
            return true;
        }
        catch (ProtocCompilationException exception)
        {
            foreach (var error in exception.Errors.DefaultIfEmpty(new ProtocDiagnostic(string.Empty, 0, 0, exception.Message, false)))
            {
                var file = files.FirstOrDefault(candidate => string.Equals(candidate.VirtualPath, error.Path, StringComparison.Ordinal));
                Error("CTR2003", file?.FullPath ?? (error.Path.Length > 0 ? error.Path : null), error.Line, error.Column, "protoc: " + error.Message);
            }

            return false;
        }
        catch (ProtocException exception)
        {
            Error("CTR2004", null, 0, 0, "cannot run protoc: " + exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SchemaFormatException)
        {
            Error("CTR2002", Baseline, 0, 0, "cannot write the proto contract baseline: " + exception.Message);
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private void Message(string text) =>
        BuildEngine.LogMessageEvent(new BuildMessageEventArgs(text, null, nameof(WriteProtoBaseline), MessageImportance.High));

    private void Error(string code, string? file, int line, int column, string text) =>
        BuildEngine.LogErrorEvent(new BuildErrorEventArgs(
            subcategory: null,
            code: code,
            file: file ?? BuildEngine.ProjectFileOfTaskNode,
            lineNumber: line,
            columnNumber: column,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: text,
            helpKeyword: null,
            senderName: nameof(WriteProtoBaseline)));
}
