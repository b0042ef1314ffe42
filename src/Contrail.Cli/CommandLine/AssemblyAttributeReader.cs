using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Contrail.Cli.CommandLine;

/// <summary>
/// Reads the string values of one assembly-level attribute, <c>[assembly: &lt;AttributeFullName&gt;("&lt;json&gt;")]</c>,
/// that Contrail's generator emits (the error catalog, the metrics manifest), from an assembly file's
/// metadata: the assembly is never loaded nor run, so any assembly can be read whatever its target
/// framework and dependencies.
/// </summary>
internal sealed class AssemblyAttributeReader
{
    private readonly string _namespace;
    private readonly string _name;
    private readonly string _what;
    private readonly string _jsonOwner;
    private readonly bool _stringIsOnlyParameter;

    /// <summary>Creates a reader of one attribute.</summary>
    /// <param name="attributeFullName">The attribute's namespace-qualified name, e.g. <c>Contrail.ErrorCatalogAttribute</c> (not a nested type).</param>
    /// <param name="what">What the attribute holds, in messages: <c>unsupported &lt;what&gt; in '...'</c>, e.g. <c>error catalog</c>.</param>
    /// <param name="jsonOwner">Whose JSON the string is, in messages: <c>the &lt;jsonOwner&gt;'s JSON is null</c>, e.g. <c>catalog</c>.</param>
    /// <param name="stringIsOnlyParameter">
    /// <see langword="true"/> when the constructor must be <c>(string)</c>; <see langword="false"/> when the
    /// string only has to be its first parameter (later ones are not read).
    /// </param>
    public AssemblyAttributeReader(string attributeFullName, string what, string jsonOwner, bool stringIsOnlyParameter)
    {
        var dot = attributeFullName.LastIndexOf('.');
        _namespace = dot < 0 ? string.Empty : attributeFullName.Substring(0, dot);
        _name = attributeFullName.Substring(dot + 1);
        _what = what;
        _jsonOwner = jsonOwner;
        _stringIsOnlyParameter = stringIsOnlyParameter;
    }

    /// <summary>Reads the attribute's values (normally none or one) in an assembly file.</summary>
    /// <param name="path">The assembly's path, as the user named it (messages repeat it).</param>
    /// <returns>The string arguments, in metadata order.</returns>
    /// <exception cref="CliException">The file is missing, unreadable or not a valid .NET assembly, or an attribute is unsupported or corrupt.</exception>
    public IReadOnlyList<string> Read(string path)
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
                return Read(stream, path);
            }
            catch (Exception exception) when (IsMalformedImage(exception))
            {
                throw new CliException($"'{path}' is not a valid .NET assembly ({CliText.WithoutFinalPeriod(CliText.OneLine(exception.Message))})", exception);
            }
        }
    }

    private IReadOnlyList<string> Read(FileStream stream, string path)
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

        var values = new List<string>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAttributeConstructor(reader, attribute.Constructor, out var signature))
            {
                continue;
            }

            if (!TakesString(reader, signature))
            {
                var parameter = _stringIsOnlyParameter ? string.Empty : " as its first parameter";
                throw new CliException($"unsupported {_what} in '{path}': the {_name} constructor does not take the {_jsonOwner}'s JSON{parameter} (is contrail older than the Contrail package?)");
            }

            values.Add(ReadFirstStringArgument(reader, attribute, path));
        }

        return values;
    }

    /// <summary>Whether a custom attribute's constructor is one of the attribute type's.</summary>
    private bool IsAttributeConstructor(MetadataReader reader, EntityHandle constructor, out BlobHandle signature)
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

        return IsAttributeType(reader, type);
    }

    private bool IsAttributeType(MetadataReader reader, EntityHandle type)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)type);
                return reference.ResolutionScope.Kind != HandleKind.TypeReference // not a nested type
                    && reader.StringComparer.Equals(reference.Namespace, _namespace)
                    && reader.StringComparer.Equals(reference.Name, _name);
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type);
                return definition.GetDeclaringType().IsNil
                    && reader.StringComparer.Equals(definition.Namespace, _namespace)
                    && reader.StringComparer.Equals(definition.Name, _name);
            default:
                return false;
        }
    }

    /// <summary>Reads a constructor's signature: <c>instance void (string)</c>, or <c>instance void (string, ...)</c>.</summary>
    private bool TakesString(MetadataReader reader, BlobHandle signature)
    {
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        if (header.Kind != SignatureKind.Method || header.IsGeneric)
        {
            return false;
        }

        var parameterCount = blob.ReadCompressedInteger();
        return (_stringIsOnlyParameter ? parameterCount == 1 : parameterCount >= 1)
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.Void
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }

    /// <summary>
    /// Reads the first fixed argument of a custom attribute whose constructor's first parameter is a
    /// string: the value blob is the prolog 0x0001 then the string as a SerString. Later arguments and
    /// named arguments (such as <c>Mapper = typeof(...)</c>) are not needed.
    /// </summary>
    private string ReadFirstStringArgument(MetadataReader reader, CustomAttribute attribute, string path)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 2 || blob.ReadUInt16() != 1)
        {
            throw new CliException($"corrupt {_what} in '{path}': the {_name} value has no custom attribute prolog");
        }

        return blob.ReadSerializedString()
            ?? throw new CliException($"corrupt {_what} in '{path}': the {_jsonOwner}'s JSON is null");
    }

    private static bool IsMalformedImage(Exception exception) =>
        exception is BadImageFormatException
            or InvalidOperationException
            or ArgumentOutOfRangeException
            or IndexOutOfRangeException
            or OverflowException
            or EndOfStreamException;
}
