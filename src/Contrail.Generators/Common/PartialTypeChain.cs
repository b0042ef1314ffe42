using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contrail.Generators.Common;

/// <summary>
/// The declaration lines a generated file repeats to add members to a user's type: one per type from
/// the outermost containing type to the type itself, e.g. <c>partial class Outer&lt;T&gt;</c>.
/// </summary>
internal static class PartialTypeChain
{
    /// <summary>
    /// The lines for <paramref name="type"/> and its containing types, or <see langword="false"/> when one of
    /// them is not declared <c>partial</c> or is file-local, so that no member can be added to it from another file.
    /// </summary>
    public static bool TryCreate(INamedTypeSymbol type, out EquatableArray<string> declarations)
    {
        var lines = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current) || current.IsFileLocal)
            {
                declarations = EquatableArray<string>.Empty;
                return false;
            }

            lines.Add(Declaration(current));
        }

        lines.Reverse();
        declarations = lines.ToEquatableArray();
        return true;
    }

    /// <summary>Whether one of the type's declarations says <c>partial</c>.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The type parameter list as written in a declaration, e.g. <c>&lt;TKey, TValue&gt;</c>, or empty.</summary>
    public static string TypeParameterList(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        var names = typeParameters.Select(p => CSharpText.Identifier(p.Name)).ToList();
        return names.Count == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        var modifiers = (type.IsStatic ? "static " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty);
        var keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };
        return $"{modifiers}partial {keyword} {CSharpText.Identifier(type.Name)}{TypeParameterList(type.TypeParameters)}";
    }
}
