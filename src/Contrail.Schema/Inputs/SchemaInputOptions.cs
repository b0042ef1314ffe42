using System;
using System.Collections.Generic;
using Contrail.Schema.Protoc;

namespace Contrail.Schema.Inputs;

/// <summary>How <see cref="SchemaInputResolver"/> loads inputs.</summary>
public sealed class SchemaInputOptions
{
    /// <summary>
    /// Further include directories for directory and git inputs (protoc's <c>--proto_path</c>, searched after
    /// the input's own directory). Files found only through them are imports: resolved, not checked.
    /// </summary>
    public IReadOnlyList<string> IncludePaths { get; init; } = Array.Empty<string>();

    /// <summary>The protoc to run; null locates one (<see cref="ProtocInstallation.Locate(string?)"/>).</summary>
    public ProtocInstallation? Protoc { get; init; }

    /// <summary>A directory inside the repository git inputs are read from; null means the current directory.</summary>
    public string? GitRepository { get; init; }

    /// <summary>
    /// The subdirectory (relative to the repository's root, '/' separators, empty for the root) a git input
    /// that names none reads; null means the repository's root.
    /// </summary>
    public string? DefaultGitSubdirectory { get; init; }

    /// <summary>The git executable; null means <c>git</c> on the PATH.</summary>
    public string? GitExecutable { get; init; }

    /// <summary>How long protoc or one git command may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
