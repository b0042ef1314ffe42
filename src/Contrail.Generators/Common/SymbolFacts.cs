using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.Common;

/// <summary>Symbol questions every feature's parser asks, answered one way.</summary>
internal static class SymbolFacts
{
    private const string AbstractionsAssemblyName = "Contrail.Abstractions";

    /// <summary>The <c>global::</c>-qualified name generated code uses for a type.</summary>
    public static string FullyQualifiedName(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>Whether code elsewhere in the type's assembly can name it.</summary>
    public static bool IsVisibleInsideAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether other assemblies can name the type: it and every containing type are public.</summary>
    public static bool IsVisibleOutsideAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The referenced assemblies compiled against Contrail.Abstractions: only they can carry
    /// Contrail's assembly attributes, so the rest are skipped without loading their attributes.
    /// </summary>
    public static IEnumerable<IAssemblySymbol> AssembliesCompiledAgainstContrail(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == AbstractionsAssemblyName)))
            {
                yield return assembly;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="attribute"/> is the first application of its class on the symbol.
    /// <c>ForAttributeWithMetadataName</c> visits each partial declaration that carries the attribute,
    /// so a symbol marked on two declarations arrives twice; only the first may emit (one hint name).
    /// </summary>
    public static bool IsFirstApplication(ISymbol symbol, AttributeData attribute)
    {
        var first = symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute.AttributeClass));
        var mine = attribute.ApplicationSyntaxReference;
        return first?.ApplicationSyntaxReference is { } reference && mine is not null
            && reference.SyntaxTree == mine.SyntaxTree && reference.Span == mine.Span;
    }

    /// <summary>
    /// Whether the type is the only one of its full name in the compilation. Two declarations of one
    /// name (the user's CS0101) would get the same generated file name; the compiler already reports
    /// them, and nothing is generated for either until one is renamed.
    /// </summary>
    public static bool IsUniquelyNamed(Compilation compilation, INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(MetadataName(type)), type);

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } container
            ? MetadataName(container) + "+" + type.MetadataName
            : type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : NamespaceName(type.ContainingNamespace) + "." + type.MetadataName;

    /// <summary>The namespace's metadata name: its parts as declared, without <c>@</c> escapes.</summary>
    private static string NamespaceName(INamespaceSymbol ns) =>
        ns.ContainingNamespace is { IsGlobalNamespace: false } parent ? NamespaceName(parent) + "." + ns.MetadataName : ns.MetadataName;

    /// <summary>Where a diagnostic about an attribute goes: the attribute, else the symbol.</summary>
    public static Location AttributeLocation(AttributeData? attribute, ISymbol fallback, CancellationToken cancellationToken) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
        ?? fallback.Locations.FirstOrDefault()
        ?? Location.None;
}
