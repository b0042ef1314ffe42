using Contrail.Generators.Common;

namespace Contrail.Generators.Errors;

/// <summary>Where a mapped error comes from.</summary>
internal enum ErrorSourceKind
{
    Exception,
    EnumMember,
}

/// <summary>How an <c>[ErrorMetadata]</c> value is written to and read from its string form.</summary>
internal enum MetadataValueKind
{
    String,
    Boolean,
    Integral,
    Enum,
    Guid,
}

/// <summary>One <c>[GrpcError]</c> exception type or enum member, ready to emit.</summary>
/// <remarks>
/// Models are <see langword="sealed"/> records of strings, enums, bools and
/// <see cref="EquatableArray{T}"/>, so the incremental pipeline compares them by value; they never
/// hold symbols, syntax, locations or compilations.
/// </remarks>
/// <param name="TypeName">The exception type, or the enum type for an enum member, fully qualified.</param>
/// <param name="DisplayName">The type's (or enum member's) full name without <c>global::</c>.</param>
/// <param name="HelperName">The name the client helpers use: the type name without "Exception", or the member name.</param>
/// <param name="Domain">The error's own domain, or <see langword="null"/> for the assembly's default.</param>
/// <param name="MessageParts">The message template split into literal text (even indices) and metadata keys (odd indices); empty when the message comes from the exception.</param>
/// <param name="Depth">The exception type's inheritance depth: deeper types are matched first.</param>
/// <param name="Rebuild">How a client rebuilds the exception, or <see langword="null"/> when no constructor fits.</param>
/// <param name="HidesMessage">Whether the type declares a <c>Message</c> that hides the exception's, so the mapping reads it through <see cref="System.Exception"/>.</param>
internal sealed record GrpcErrorModel(
    ErrorSourceKind Kind,
    string TypeName,
    string DisplayName,
    string Namespace,
    string? MemberName,
    string HelperName,
    int Code,
    string Reason,
    string? Domain,
    string? MessageTemplate,
    EquatableArray<string> MessageParts,
    int Depth,
    bool IsPublic,
    EquatableArray<ErrorMetadataModel> Metadata,
    ExceptionRebuildModel? Rebuild,
    bool HidesMessage);

/// <summary>One metadata entry of an error: its key and the property it is read from.</summary>
internal sealed record ErrorMetadataModel(string Key, string PropertyName, MetadataValueKind ValueKind, string TypeName, bool IsNullableValueType);

/// <summary>
/// How a client rebuilds an exception from its metadata: the constructor arguments (as metadata
/// keys, in order), then the settable properties for the remaining keys.
/// </summary>
internal sealed record ExceptionRebuildModel(EquatableArray<string> ConstructorKeys, EquatableArray<string> SettableKeys);

/// <summary>The assembly-wide settings of the error catalog.</summary>
/// <param name="ReferencedMappers">Generated mapper classes of referenced assemblies, fully qualified.</param>
/// <param name="NamespacesTakingCatalogName">Where a user type already has the catalog's name (CTR4010): no catalog is generated there.</param>
/// <param name="HasNotNullWhen">Whether <c>[NotNullWhen]</c> exists for the client helpers' out parameters.</param>
internal sealed record ErrorCatalogSettings(
    string? DefaultDomain,
    string CatalogName,
    bool HasGrpcCore,
    bool HasNotNullWhen,
    EquatableArray<string> ReferencedMappers,
    EquatableArray<string> NamespacesTakingCatalogName);
