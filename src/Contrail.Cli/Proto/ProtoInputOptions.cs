using System;
using System.Collections.Generic;
using System.CommandLine;
using Contrail.Cli.CommandLine;
using Contrail.Schema;
using Contrail.Schema.Inputs;
using Contrail.Schema.Protoc;

namespace Contrail.Cli.Proto;

/// <summary>The options both proto commands share for loading inputs: include directories and protoc.</summary>
internal sealed class ProtoInputOptions
{
    /// <summary>Describes the input syntax in help texts.</summary>
    public const string InputSyntax =
        "a directory of .proto files, a FileDescriptorSet or buf image (.binpb, .pb, .bin, .json), or git:REF[:SUBDIR] (e.g. git:main, git:HEAD~1:protos)";

    public ProtoInputOptions()
    {
        Include = new Option<string[]>("--include", "-I")
        {
            Description = "An include directory for imports outside the input directory (protoc's --proto_path); repeatable. Files found only there are imports: resolved, not checked.",
            HelpName = "dir",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Protoc = new Option<string?>("--protoc")
        {
            Description = "The protoc executable; by default CONTRAIL_PROTOC, else protoc from the Grpc.Tools package in the NuGet packages folder.",
            HelpName = "path",
        };
    }

    public Option<string[]> Include { get; }

    public Option<string?> Protoc { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Include);
        command.Options.Add(Protoc);
    }

    /// <summary>Builds the loader options from a parse; protoc is located only when a directory input needs it.</summary>
    public SchemaInputOptions Create(ParseResult parseResult, string? gitRepository, string? defaultGitSubdirectory)
    {
        var protocPath = parseResult.GetValue(Protoc);
        ProtocInstallation? installation = null;
        if (protocPath is not null)
        {
            if (protocPath.Length == 0)
            {
                throw new CliException("--protoc needs a path");
            }

            try
            {
                installation = ProtocInstallation.Locate(protocPath);
            }
            catch (ProtocException exception)
            {
                throw new CliException(exception.Message, exception);
            }
        }

        return new SchemaInputOptions
        {
            IncludePaths = parseResult.GetValue(Include) ?? Array.Empty<string>(),
            Protoc = installation,
            GitRepository = gitRepository,
            DefaultGitSubdirectory = defaultGitSubdirectory,
        };
    }

    /// <summary>Loads an input, turning every failure into a one-line <see cref="CliException"/>.</summary>
    public static SchemaImage Load(SchemaInput input, SchemaInputOptions options, string role)
    {
        try
        {
            return SchemaInputResolver.Load(input, options);
        }
        catch (SchemaInputException exception)
        {
            throw new CliException(role.Length == 0 ? exception.Message : role + ": " + exception.Message, exception);
        }
    }

    /// <summary>Parses an input string into a one-line <see cref="CliException"/> on failure.</summary>
    public static SchemaInput Parse(string text)
    {
        try
        {
            return SchemaInput.Parse(text);
        }
        catch (SchemaInputException exception)
        {
            throw new CliException(exception.Message, exception);
        }
    }

    /// <summary>Every include directory must exist: protoc would otherwise only warn.</summary>
    public static void CheckIncludes(IReadOnlyList<string> includes)
    {
        foreach (var include in includes)
        {
            if (!System.IO.Directory.Exists(include))
            {
                throw new CliException($"include directory not found: '{include}'");
            }
        }
    }
}
