using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Contrail.Cli.CommandLine;

namespace Contrail.Cli.Errors;

/// <summary>
/// Reads the <c>[assembly: Contrail.ErrorCatalogAttribute("&lt;json&gt;")]</c> that Contrail's generator
/// emits, from an assembly file's metadata: the assembly is never loaded nor run, so any assembly
/// can be read whatever its target framework and dependencies.
/// </summary>
internal static class AssemblyCatalogReader
{
    private const string AttributeNamespace = "Contrail";
    private const string AttributeName = "ErrorCatalogAttribute";

    /// <summary>Reads the catalogs (normally none or one) of an assembly file.</summary>
    /// <param name="path">The assembly's path, as the user named it (messages repeat it).</param>
    /// <returns>The catalogs' JSON texts, in metadata order.</returns>
    /// <exception cref="CliException">The file is missing, unreadable or not a valid .NET assembly.</exception>
    public static IReadOnlyList<string> ReadCatalogs(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path)
                ? $"'{path}' is a directory, not an assembly file"
                : $"file not found: '{path}'");
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
                return ReadCatalogs(stream, path);
            }
            catch (Exception exception) when (IsMalformedImage(exception))
            {
                throw new CliException($"'{path}' is not a valid .NET assembly ({CliText.WithoutFinalPeriod(CliText.OneLine(exception.Message))})", exception);
            }
        }
    }

    private static IReadOnlyList<string> ReadCatalogs(FileStream stream, string path)
    {
        var length = stream.Length;
        using var peReader = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);

        var headers = peReader.PEHeaders;

        // A truncated file can still have whole headers: check that the sections they describe are there.
        foreach (var section in headers.SectionHeaders)
        {
            if ((long)section.PointerToRawData + section.SizeOfRawData > length)
            {
                throw new CliException($"'{path}' is not a valid .NET assembly (the file is truncated)");
            }
        }

        if (headers.CorHeader is null || !peReader.HasMetadata)
        {
            throw new CliException($"'{path}' is not a .NET assembly (it has no .NET metadata)");
        }

        var reader = peReader.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new CliException($"'{path}' is not a .NET assembly (it is a module without an assembly manifest)");
        }

        var catalogs = new List<string>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsErrorCatalogConstructor(reader, attribute.Constructor, out var takesString))
            {
                continue;
            }

            if (!takesString)
            {
                throw new CliException($"unsupported error catalog in '{path}': the ErrorCatalogAttribute constructor does not take the catalog's JSON as its first parameter (is contrail older than the Contrail package?)");
            }

            catalogs.Add(ReadFirstStringArgument(reader, attribute, path));
        }

        return catalogs;
    }

    /// <summary>Whether a custom attribute's constructor is one of <c>Contrail.ErrorCatalogAttribute</c>'s.</summary>
    private static bool IsErrorCatalogConstructor(MetadataReader reader, EntityHandle constructor, out bool firstParameterIsString)
    {
        firstParameterIsString = false;
        EntityHandle type;
        BlobHandle signature;
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
                return false;
        }

        if (!IsErrorCatalogType(reader, type))
        {
            return false;
        }

        firstParameterIsString = FirstParameterIsString(reader, signature);
        return true;
    }

    private static bool IsErrorCatalogType(MetadataReader reader, EntityHandle type)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)type);
                return reference.ResolutionScope.Kind != HandleKind.TypeReference // not a nested type
                    && reader.StringComparer.Equals(reference.Namespace, AttributeNamespace)
                    && reader.StringComparer.Equals(reference.Name, AttributeName);
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type);
                return definition.GetDeclaringType().IsNil
                    && reader.StringComparer.Equals(definition.Namespace, AttributeNamespace)
                    && reader.StringComparer.Equals(definition.Name, AttributeName);
            default:
                return false;
        }
    }

    /// <summary>Reads a constructor's signature: <c>instance void (string, ...)</c>.</summary>
    private static bool FirstParameterIsString(MetadataReader reader, BlobHandle signature)
    {
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        if (header.Kind != SignatureKind.Method || header.IsGeneric)
        {
            return false;
        }

        var parameterCount = blob.ReadCompressedInteger();
        return parameterCount >= 1
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.Void
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }

    /// <summary>
    /// Reads the first fixed argument of a custom attribute whose constructor's first parameter is a
    /// string: the value blob is the prolog 0x0001 then the string as a SerString. Later arguments and
    /// named arguments (such as <c>Mapper = typeof(...)</c>) are not needed.
    /// </summary>
    private static string ReadFirstStringArgument(MetadataReader reader, CustomAttribute attribute, string path)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 2 || blob.ReadUInt16() != 1)
        {
            throw new CliException($"corrupt error catalog in '{path}': the ErrorCatalogAttribute value has no custom attribute prolog");
        }

        return blob.ReadSerializedString()
            ?? throw new CliException($"corrupt error catalog in '{path}': the catalog's JSON is null");
    }

    private static bool IsMalformedImage(Exception exception) =>
        exception is BadImageFormatException
            or InvalidOperationException
            or ArgumentOutOfRangeException
            or IndexOutOfRangeException
            or OverflowException
            or EndOfStreamException;
}
