using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Metrics;

/// <summary>
/// Reads the <c>[assembly: Contrail.MetricsManifestAttribute("&lt;json&gt;")]</c> that Contrail's
/// generator emits, from an assembly file's metadata: the assembly is never loaded nor run.
/// </summary>
internal static class AssemblyManifestReader
{
    private const string AttributeNamespace = "Contrail";
    private const string AttributeName = "MetricsManifestAttribute";

    /// <summary>Reads the manifests (normally none or one) of an assembly file.</summary>
    /// <param name="path">The assembly's path, as the user named it (messages repeat it).</param>
    /// <returns>The manifests' JSON texts, in metadata order.</returns>
    /// <exception cref="CliException">The file is missing, unreadable or not a valid .NET assembly.</exception>
    public static IReadOnlyList<string> ReadManifests(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"'{path}' is a directory, not an assembly file" : $"file not found: '{path}'");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"cannot read '{path}': {CliText.OneLine(exception.Message)}", exception);
        }

        using (stream)
        {
            try
            {
                return Read(stream, path);
            }
            catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or ArgumentOutOfRangeException
                or IndexOutOfRangeException or OverflowException or EndOfStreamException)
            {
                throw new CliException($"'{path}' is not a valid .NET assembly ({CliText.WithoutFinalPeriod(CliText.OneLine(exception.Message))})", exception);
            }
        }
    }

    private static IReadOnlyList<string> Read(FileStream stream, string path)
    {
        var length = stream.Length;
        using var peReader = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
        foreach (var section in peReader.PEHeaders.SectionHeaders)
        {
            if ((long)section.PointerToRawData + section.SizeOfRawData > length)
            {
                throw new CliException($"'{path}' is not a valid .NET assembly (the file is truncated)");
            }
        }

        if (peReader.PEHeaders.CorHeader is null || !peReader.HasMetadata)
        {
            throw new CliException($"'{path}' is not a .NET assembly (it has no .NET metadata)");
        }

        var reader = peReader.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new CliException($"'{path}' is not a .NET assembly (it is a module without an assembly manifest)");
        }

        var manifests = new List<string>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsManifestConstructor(reader, attribute.Constructor, out var signature))
            {
                continue;
            }

            if (!TakesOneString(reader, signature))
            {
                throw new CliException($"unsupported metrics manifest in '{path}': the MetricsManifestAttribute constructor does not take the manifest's JSON (is contrail older than the Contrail package?)");
            }

            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.Length < 2 || blob.ReadUInt16() != 1)
            {
                throw new CliException($"corrupt metrics manifest in '{path}': the MetricsManifestAttribute value has no custom attribute prolog");
            }

            manifests.Add(blob.ReadSerializedString() ?? throw new CliException($"corrupt metrics manifest in '{path}': the manifest's JSON is null"));
        }

        return manifests;
    }

    private static bool IsManifestConstructor(MetadataReader reader, EntityHandle constructor, out BlobHandle signature)
    {
        EntityHandle type;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                var reference = reader.GetMemberReference((MemberReferenceHandle)constructor);
                type = reference.Parent;
                signature = reference.Signature;
                break;
            case HandleKind.MethodDefinition:
                var definition = reader.GetMethodDefinition((MethodDefinitionHandle)constructor);
                type = definition.GetDeclaringType();
                signature = definition.Signature;
                break;
            default:
                signature = default;
                return false;
        }

        return type.Kind switch
        {
            HandleKind.TypeReference => reader.GetTypeReference((TypeReferenceHandle)type) is var r
                && r.ResolutionScope.Kind != HandleKind.TypeReference
                && reader.StringComparer.Equals(r.Namespace, AttributeNamespace)
                && reader.StringComparer.Equals(r.Name, AttributeName),
            HandleKind.TypeDefinition => reader.GetTypeDefinition((TypeDefinitionHandle)type) is var d
                && d.GetDeclaringType().IsNil
                && reader.StringComparer.Equals(d.Namespace, AttributeNamespace)
                && reader.StringComparer.Equals(d.Name, AttributeName),
            _ => false,
        };
    }

    /// <summary>Reads a constructor's signature: <c>instance void (string)</c>.</summary>
    private static bool TakesOneString(MetadataReader reader, BlobHandle signature)
    {
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        return header.Kind == SignatureKind.Method && !header.IsGeneric
            && blob.ReadCompressedInteger() == 1
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.Void
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }
}
