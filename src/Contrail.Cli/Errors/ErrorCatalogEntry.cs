using System;
using System.Collections.Generic;

namespace Contrail.Cli.Errors;

/// <summary>One error of a catalog, as the generator describes it.</summary>
/// <param name="Domain">The error domain, e.g. <c>shop.acme.example</c>.</param>
/// <param name="Reason">The reason, e.g. <c>ORDER_NOT_FOUND</c>.</param>
/// <param name="Code">The gRPC status code's name, e.g. <c>NOT_FOUND</c>.</param>
/// <param name="CodeValue">The gRPC status code's number, e.g. <c>5</c>.</param>
/// <param name="HttpStatus">The HTTP status, e.g. <c>404</c>.</param>
/// <param name="MetadataKeys">The keys of the error's metadata, in the catalog's order.</param>
/// <param name="Message">The message template, or <see langword="null"/> when it is the exception's message at run time.</param>
/// <param name="Source">The exception type's full name or the enum member (<c>Namespace.Enum.Member</c>), if known.</param>
internal sealed record ErrorCatalogEntry(
    string Domain,
    string Reason,
    string Code,
    int CodeValue,
    int HttpStatus,
    IReadOnlyList<string> MetadataKeys,
    string? Message,
    string? Source)
{
    /// <summary>
    /// Merges the errors of several catalogs: sorted by domain then reason (ordinal), then by every other
    /// field so that the order never depends on the order of the inputs; exact duplicates (the same
    /// assembly named twice) appear once.
    /// </summary>
    /// <param name="entries">The errors of all catalogs.</param>
    /// <returns>The merged list.</returns>
    public static IReadOnlyList<ErrorCatalogEntry> Merge(IEnumerable<ErrorCatalogEntry> entries)
    {
        var sorted = new List<ErrorCatalogEntry>(entries);
        sorted.Sort(Compare);

        var merged = new List<ErrorCatalogEntry>(sorted.Count);
        foreach (var entry in sorted)
        {
            if (merged.Count == 0 || Compare(merged[merged.Count - 1], entry) != 0)
            {
                merged.Add(entry);
            }
        }

        return merged;
    }

    private static int Compare(ErrorCatalogEntry? x, ErrorCatalogEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var result = string.CompareOrdinal(x.Domain, y.Domain);
        if (result == 0)
        {
            result = string.CompareOrdinal(x.Reason, y.Reason);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(x.Source, y.Source);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(x.Code, y.Code);
        }

        if (result == 0)
        {
            result = x.CodeValue.CompareTo(y.CodeValue);
        }

        if (result == 0)
        {
            result = x.HttpStatus.CompareTo(y.HttpStatus);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(x.Message, y.Message);
        }

        if (result == 0)
        {
            result = CompareKeys(x.MetadataKeys, y.MetadataKeys);
        }

        return result;
    }

    private static int CompareKeys(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var result = string.CompareOrdinal(x[i], y[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
