using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Contrail.Generators.Common;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.Errors;

/// <summary>
/// Reads <c>[GrpcError]</c> exception types and enum members into <see cref="GrpcErrorModel"/>s. The
/// generator calls it without a diagnostic sink and skips invalid errors; the analyzer calls it with
/// one, so both agree on what is valid.
/// </summary>
internal sealed class ErrorCatalogParser
{
    /// <summary>The catalog class's name when the assembly sets no usable <c>CatalogName</c>.</summary>
    public const string DefaultCatalogName = "GrpcErrors";

    private static readonly Regex s_reason = new("^[A-Z][A-Z0-9_]+[A-Z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex s_metadataKey = new("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly INamedTypeSymbol? _errorMetadata;
    private readonly INamedTypeSymbol? _exception;
    private readonly List<Diagnostic>? _diagnostics;
    private readonly CancellationToken _cancellationToken;

    public ErrorCatalogParser(ErrorCatalogKnownTypes types, List<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        _errorMetadata = types.ErrorMetadataAttribute;
        _exception = types.Exception;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The assembly's default domain from <c>[assembly: ErrorDomain]</c>, if any.</summary>
    public static (string? Domain, string? CatalogName) ReadAssemblyDefaults(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ErrorCatalogKnownTypes.ErrorDomainAttributeName
                && attribute.ConstructorArguments.Length == 1)
            {
                var catalogName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "CatalogName").Value.Value as string;
                return (attribute.ConstructorArguments[0].Value as string, catalogName);
            }
        }

        return (null, null);
    }

    /// <summary>Parses the <c>[GrpcError]</c> on an exception type or an enum member.</summary>
    public GrpcErrorModel? Parse(ISymbol target, AttributeData attribute, bool hasDefaultDomain)
    {
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not int code
            || attribute.ConstructorArguments[1].Value is not string reason)
        {
            return null;
        }

        var domain = Named(attribute, "Domain");
        var message = Named(attribute, "Message");
        var valid = true;

        if (code is <= 0 or > 16)
        {
            Report(DiagnosticDescriptors.InvalidErrorCode, attribute, target, target.Name,
                code == 0 ? "OK is not an error: a mapped error must fail the call" : $"{code} is not a gRPC status code (1 to 16)");
            valid = false;
        }

        if (reason.Length > 63 || !s_reason.IsMatch(reason))
        {
            Report(DiagnosticDescriptors.InvalidErrorReason, attribute, target, reason);
            valid = false;
        }

        if (domain is null && !hasDefaultDomain)
        {
            Report(DiagnosticDescriptors.MissingErrorDomain, attribute, target, target.Name);
            valid = false;
        }
        else if (domain is not null && domain.Trim().Length == 0)
        {
            Report(DiagnosticDescriptors.MissingErrorDomain, attribute, target, target.Name);
            valid = false;
        }

        return target switch
        {
            INamedTypeSymbol type => ParseException(type, attribute, code, reason, domain, message, valid),
            IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } member => ParseEnumMember(member, attribute, code, reason, domain, message, valid),
            _ => null,
        };
    }

    /// <summary>Reports <c>[ErrorMetadata]</c> on a type that is not a mapped exception.</summary>
    public void CheckMetadataOutsideError(IPropertySymbol property, AttributeData attribute)
    {
        Report(DiagnosticDescriptors.InvalidErrorMetadataMember, attribute, property, property.Name,
            $"'{property.ContainingType.Name}' is not an exception marked [GrpcError], nor derived from one");
    }

    private GrpcErrorModel? ParseException(INamedTypeSymbol type, AttributeData attribute, int code, string reason, string? domain, string? message, bool valid)
    {
        if (_exception is null || !DerivesFrom(type, _exception))
        {
            Report(DiagnosticDescriptors.InvalidErrorType, attribute, type, type.Name, "it does not derive from System.Exception");
            return null;
        }

        if (type.IsGenericType || type.IsAbstract || !SymbolFacts.IsVisibleInsideAssembly(type))
        {
            Report(DiagnosticDescriptors.InvalidErrorType, attribute, type, type.Name,
                type.IsGenericType ? "it is generic" : type.IsAbstract ? "it is abstract: map the concrete exceptions" : "it is not accessible to the rest of its assembly");
            return null;
        }

        var metadata = ParseMetadata(type, out var metadataValid);
        valid &= metadataValid;
        var parts = ParseMessage(message, metadata, attribute, type, ref valid);
        if (!valid)
        {
            return null;
        }

        var name = type.Name.EndsWith("Exception", StringComparison.Ordinal) && type.Name.Length > "Exception".Length
            ? type.Name.Substring(0, type.Name.Length - "Exception".Length)
            : type.Name;

        return new GrpcErrorModel(
            ErrorSourceKind.Exception,
            SymbolFacts.FullyQualifiedName(type),
            type.ToDisplayString(),
            NamespaceOf(type),
            MemberName: null,
            name,
            code,
            reason,
            domain,
            message,
            parts,
            Depth(type),
            SymbolFacts.IsVisibleOutsideAssembly(type),
            metadata.ToEquatableArray(),
            FindRebuild(type, metadata),
            HidesMessage(type));
    }

    private GrpcErrorModel? ParseEnumMember(IFieldSymbol member, AttributeData attribute, int code, string reason, string? domain, string? message, bool valid)
    {
        for (var containing = member.ContainingType.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.IsGenericType)
            {
                Report(DiagnosticDescriptors.InvalidErrorType, attribute, member, member.Name, $"its enum is nested in the generic type '{containing.Name}'");
                return null;
            }
        }

        // Two mapped members with one value could not be told apart at run time.
        var alias = member.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .TakeWhile(f => !SymbolEqualityComparer.Default.Equals(f, member))
            .FirstOrDefault(f => Equals(f.ConstantValue, member.ConstantValue) && f.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ErrorCatalogKnownTypes.GrpcErrorAttributeName));
        if (alias is not null)
        {
            Report(DiagnosticDescriptors.InvalidErrorType, attribute, member, member.Name, $"it has the same value as '{alias.Name}', which is mapped already");
            return null;
        }

        var parts = ParseMessage(message, new List<ErrorMetadataModel>(), attribute, member, ref valid, allowAnyPlaceholder: true);
        if (!valid || !SymbolFacts.IsVisibleInsideAssembly(member.ContainingType))
        {
            return null;
        }

        return new GrpcErrorModel(
            ErrorSourceKind.EnumMember,
            SymbolFacts.FullyQualifiedName(member.ContainingType),
            member.ContainingType.ToDisplayString() + "." + member.Name,
            NamespaceOf(member.ContainingType),
            member.Name,
            member.Name,
            code,
            reason,
            domain,
            message,
            parts,
            Depth: 0,
            SymbolFacts.IsVisibleOutsideAssembly(member.ContainingType),
            EquatableArray<ErrorMetadataModel>.Empty,
            Rebuild: null,
            HidesMessage: false);
    }

    private List<ErrorMetadataModel> ParseMetadata(INamedTypeSymbol type, out bool valid)
    {
        valid = true;
        var metadata = new List<ErrorMetadataModel>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenProperties = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol property || !seenProperties.Add(property.Name))
                {
                    continue;
                }

                // An override without its own [ErrorMetadata] keeps the overridden property's.
                AttributeData? attribute = null;
                for (var declared = property; declared is not null && attribute is null; declared = declared.OverriddenProperty)
                {
                    attribute = declared.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _errorMetadata));
                }

                if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string key)
                {
                    continue;
                }

                if (key.Length > 64 || !s_metadataKey.IsMatch(key))
                {
                    Report(DiagnosticDescriptors.InvalidErrorMetadataKey, attribute, property, key, "it must be lowerCamelCase ([a-z][a-zA-Z0-9]*) and at most 64 characters");
                    valid = false;
                    continue;
                }

                if (!seenKeys.Add(key))
                {
                    Report(DiagnosticDescriptors.InvalidErrorMetadataKey, attribute, property, key, $"'{type.Name}' already sends a metadata entry with this key");
                    valid = false;
                    continue;
                }

                if (property.IsStatic || property.IsIndexer || property.GetMethod is null || property.GetMethod.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    Report(DiagnosticDescriptors.InvalidErrorMetadataMember, attribute, property, property.Name, "it has no instance getter the generated code can call");
                    valid = false;
                    continue;
                }

                if (!TryClassifyValue(property.Type, out var kind, out var nullableValueType))
                {
                    Report(DiagnosticDescriptors.InvalidErrorMetadataMember, attribute, property, property.Name,
                        $"its type '{property.Type.ToDisplayString()}' has no stable text form; use a string, bool, integral number, enum or Guid");
                    valid = false;
                    continue;
                }

                var valueType = nullableValueType ? ((INamedTypeSymbol)property.Type).TypeArguments[0] : property.Type;
                metadata.Add(new ErrorMetadataModel(key, property.Name, kind, SymbolFacts.FullyQualifiedName(valueType), nullableValueType));
            }
        }

        metadata.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return metadata;
    }

    private EquatableArray<string> ParseMessage(string? message, List<ErrorMetadataModel> metadata, AttributeData attribute, ISymbol target, ref bool valid, bool allowAnyPlaceholder = false)
    {
        if (message is null)
        {
            return EquatableArray<string>.Empty;
        }

        var parts = new List<string>();
        var last = 0;
        foreach (Match match in s_placeholder.Matches(message))
        {
            var key = match.Groups[1].Value;
            if (!allowAnyPlaceholder && !metadata.Any(m => m.Key == key))
            {
                Report(DiagnosticDescriptors.MessagePlaceholderWithoutMetadata, attribute, target, key, target.Name);
                valid = false;
            }

            parts.Add(message.Substring(last, match.Index - last));
            parts.Add(key);
            last = match.Index + match.Length;
        }

        parts.Add(message.Substring(last));
        return parts.ToEquatableArray();
    }

    /// <summary>
    /// Finds how a client rebuilds the exception from its metadata alone: the public constructor
    /// with the most parameters that all name metadata entries, then settable properties for the
    /// other entries. <see langword="null"/> when some entry could not be restored.
    /// </summary>
    private static ExceptionRebuildModel? FindRebuild(INamedTypeSymbol type, List<ErrorMetadataModel> metadata)
    {
        // `new T(...) { ... }` cannot set a required member it does not know of.
        if (HasRequiredMembers(type))
        {
            return null;
        }

        // A constructor taking ref, out or in parameters cannot be called with plain values.
        foreach (var constructor in type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.All(p => p.RefKind == RefKind.None))
            .OrderByDescending(c => c.Parameters.Length))
        {
            var keys = new List<string>();
            foreach (var parameter in constructor.Parameters)
            {
                var entry = metadata.FirstOrDefault(m =>
                    string.Equals(m.PropertyName, parameter.Name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (entry is null || !SymbolEqualityComparer.Default.Equals(parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), FindProperty(type, entry.PropertyName)?.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
                {
                    keys = null;
                    break;
                }

                keys.Add(entry.Key);
            }

            if (keys is null)
            {
                continue;
            }

            var settable = new List<string>();
            foreach (var entry in metadata.Where(m => !keys.Contains(m.Key)))
            {
                if (FindProperty(type, entry.PropertyName)?.SetMethod is not { DeclaredAccessibility: Accessibility.Public })
                {
                    return null;
                }

                settable.Add(entry.Key);
            }

            return new ExceptionRebuildModel(keys.ToEquatableArray(), settable.ToEquatableArray());
        }

        return null;
    }

    /// <summary>
    /// The namespaces (empty for the global one) where the user declares a top-level type named
    /// <paramref name="catalogName"/> that the generated catalog cannot join: anything but a static
    /// partial class, which is how a user adds members to the catalog.
    /// </summary>
    public static EquatableArray<string> NamespacesTakingCatalogName(Compilation compilation, string catalogName, CancellationToken cancellationToken) =>
        compilation.GetSymbolsWithName(catalogName, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null && t.Arity == 0
                && !(t.TypeKind == TypeKind.Class && t.IsStatic && t.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword))))
            .Select(t => t.ContainingNamespace.IsGlobalNamespace ? string.Empty : t.ContainingNamespace.ToDisplayString())
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>Whether a <c>CatalogName</c> can name the generated class: an identifier that is not a keyword.</summary>
    public static bool IsUsableCatalogName(string? name) =>
        name is not null && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>
    /// The name the generated class gets: the configured <c>CatalogName</c> when usable, else
    /// <see cref="DefaultCatalogName"/> (an unusable one is CTR4010, and the rest keeps compiling).
    /// </summary>
    public static string EffectiveCatalogName(string? configured) =>
        IsUsableCatalogName(configured) ? configured! : DefaultCatalogName;

    /// <summary>Whether the type declares a <c>Message</c> of its own that hides <see cref="Exception.Message"/>.</summary>
    private static bool HidesMessage(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.Exception")
            {
                return false;
            }

            if (current.GetMembers("Message").Any(m => m is not IPropertySymbol { IsOverride: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string propertyName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(propertyName).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return property;
            }
        }

        return null;
    }

    private static bool TryClassifyValue(ITypeSymbol type, out MetadataValueKind kind, out bool nullableValueType)
    {
        nullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            nullableValueType = true;
            type = nullable.TypeArguments[0];
        }

        kind = MetadataValueKind.Integral;
        if (type.TypeKind == TypeKind.Enum)
        {
            kind = MetadataValueKind.Enum;
            return true;
        }

        if (type.ToDisplayString() == "System.Guid")
        {
            kind = MetadataValueKind.Guid;
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                kind = MetadataValueKind.String;
                return !nullableValueType;
            case SpecialType.System_Boolean:
                kind = MetadataValueKind.Boolean;
                return true;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return true;
            default:
                return false;
        }
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static int Depth(INamedTypeSymbol type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static string NamespaceOf(INamedTypeSymbol type) =>
        type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();

    private void Report(DiagnosticDescriptor descriptor, AttributeData? attribute, ISymbol fallback, params object[] arguments)
    {
        if (_diagnostics is null)
        {
            return;
        }

        _diagnostics.Add(Diagnostic.Create(descriptor, SymbolFacts.AttributeLocation(attribute, fallback, _cancellationToken), arguments));
    }
}
