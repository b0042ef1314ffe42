using System;
using System.CommandLine;
using System.IO;
using Contrail.Cli.CommandLine;
using Contrail.Schema.Images;

namespace Contrail.Cli.Proto;

/// <summary>
/// <c>contrail proto snapshot &lt;input&gt; -o &lt;file&gt;</c>: writes the input's schema as a buf image
/// (a FileDescriptorSet with source info and imports), the baseline <c>contrail proto breaking --against</c>,
/// <c>buf breaking --against</c> and Contrail's analyzer read. The same schema always gives the same bytes.
/// </summary>
internal static class ProtoSnapshotCommand
{
    /// <summary>Creates the <c>snapshot</c> command.</summary>
    /// <param name="output">Where the command writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliOutput output)
    {
        var input = new Argument<string>("input")
        {
            Description = "The schema: " + ProtoInputOptions.InputSyntax + ".",
        };
        var outputFile = new Option<string>("--output", "-o")
        {
            Description = "The image file to write: binary for .binpb, .pb or .bin, JSON for .json.",
            HelpName = "file",
            Required = true,
        };
        var inputOptions = new ProtoInputOptions();
        var snapshot = new Command("snapshot", "Write a schema as a buf image (FileDescriptorSet with source info and imports), to check against later.")
        {
            input,
            outputFile,
        };
        inputOptions.AddTo(snapshot);
        snapshot.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(outputFile);
            if (path.Length == 0)
            {
                throw new CliException("--output needs a file path");
            }

            if (!SchemaImageFormats.TryFromPath(path, out var format))
            {
                throw new CliException($"cannot tell the image format of '{path}' (use the extension .binpb, .pb, .bin or .json)");
            }

            var options = inputOptions.Create(parseResult, gitRepository: null, defaultGitSubdirectory: null);
            ProtoInputOptions.CheckIncludes(options.IncludePaths);
            var image = ProtoInputOptions.Load(ProtoInputOptions.Parse(parseResult.GetRequiredValue(input)), options, string.Empty);
            var bytes = SchemaImageWriter.Write(image, format);
            try
            {
                var fullPath = Path.GetFullPath(path);
                if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllBytes(fullPath, bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"cannot write '{path}': {CliText.OneLine(exception.Message)}", exception);
            }

            return ContrailCli.ExitSuccess;
        });
        return snapshot;
    }
}
