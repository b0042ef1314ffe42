using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Contrail.Schema.Protoc;

/// <summary>
/// A protoc executable and the directory holding the well-known types (<c>google/protobuf/*.proto</c>)
/// that ship with it.
/// </summary>
/// <param name="ProtocPath">The protoc executable.</param>
/// <param name="WellKnownTypesDirectory">The include directory with the well-known types, or null when none was found next to protoc.</param>
public sealed record ProtocInstallation(string ProtocPath, string? WellKnownTypesDirectory)
{
    /// <summary>The environment variable naming a protoc executable, checked before the Grpc.Tools package.</summary>
    public const string EnvironmentVariable = "CONTRAIL_PROTOC";

    /// <summary>
    /// Finds protoc: <paramref name="explicitPath"/> when given, else <c>CONTRAIL_PROTOC</c>, else the highest
    /// Grpc.Tools version under the NuGet packages root (<c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>),
    /// <c>tools/&lt;os&gt;_&lt;arch&gt;/protoc[.exe]</c>.
    /// </summary>
    /// <exception cref="ProtocNotFoundException">No protoc exists where it was looked for.</exception>
    public static ProtocInstallation Locate(string? explicitPath = null)
        => Locate(explicitPath, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Locate(string?)"/>, reading environment variables through <paramref name="environment"/> (for tests).</summary>
    public static ProtocInstallation Locate(string? explicitPath, Func<string, string?> environment)
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return FromExecutable(explicitPath!, "the given protoc path");
        }

        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return FromExecutable(fromEnvironment!, EnvironmentVariable);
        }

        var packagesRoot = NuGetPackagesRoot(environment);
        var grpcTools = Path.Combine(packagesRoot, "grpc.tools");
        var platform = PlatformDirectory();
        var executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "protoc.exe" : "protoc";
        if (Directory.Exists(grpcTools))
        {
            var versions = Directory.GetDirectories(grpcTools)
                .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
                .Where(candidate => candidate.Version is not null)
                .OrderByDescending(candidate => candidate.Version)
                .ToList();
            foreach (var (directory, _) in versions)
            {
                var candidate = Path.Combine(directory, "tools", platform, executable);
                if (File.Exists(candidate))
                {
                    var include = Path.Combine(directory, "build", "native", "include");
                    return new ProtocInstallation(candidate, Directory.Exists(include) ? include : null);
                }
            }
        }

        throw new ProtocNotFoundException(
            $"protoc not found: set {EnvironmentVariable} to a protoc executable or restore the Grpc.Tools package (looked for grpc.tools/<version>/tools/{platform}/{executable} under '{packagesRoot}')");
    }

    private static ProtocInstallation FromExecutable(string path, string source)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ProtocNotFoundException($"protoc not found: {source} names '{path}', which does not exist");
        }

        // A protoc from Grpc.Tools sits in tools/<platform>/, with the well-known types in build/native/include;
        // a system protoc usually has them in ../include.
        var directory = Path.GetDirectoryName(full)!;
        var candidates = new List<string>
        {
            Path.Combine(directory, "..", "..", "build", "native", "include"),
            Path.Combine(directory, "..", "include"),
            Path.Combine(directory, "include"),
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, "google", "protobuf", "descriptor.proto")))
            {
                return new ProtocInstallation(full, Path.GetFullPath(candidate));
            }
        }

        return new ProtocInstallation(full, null);
    }

    private static string NuGetPackagesRoot(Func<string, string?> environment)
    {
        var configured = environment("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured!;
        }

        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = environment("USERPROFILE");
        }

        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(home!, ".nuget", "packages");
    }

    private static string PlatformDirectory()
    {
        var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macosx"
            : "linux";
        if (os == "macosx")
        {
            // Grpc.Tools ships one universal binary for macOS.
            return "macosx_universal";
        }

        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        };
        return os + "_" + arch;
    }

    private static Version? ParseVersion(string name)
    {
        // Pre-release folders ("2.86.0-pre1") are ordered by their numeric prefix.
        var dash = name.IndexOf('-');
        var numeric = dash >= 0 ? name.Substring(0, dash) : name;
        return Version.TryParse(numeric, out var version) ? version : null;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}", ProtocPath);
}
