using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>The Contrail features a case declares.</summary>
[Flags]
internal enum MisuseFeatures
{
    Metrics = 1,
    Errors = 2,
    TracedServices = 4,
}

/// <summary>
/// One compilation of the misuse fuzzer: a source file declaring some of Contrail's features, wrong in
/// the ways its choices say, and the options it compiles under. A pure function of (seed, index).
/// </summary>
internal sealed record MisuseCase(
    int Seed,
    int Index,
    MisuseFeatures Features,
    string Source,
    LanguageVersion LanguageVersion,
    NullableContextOptions Nullable,
    DocumentationMode DocumentationMode)
{
    private static readonly MisuseFeatures[] s_features =
    {
        MisuseFeatures.Metrics, MisuseFeatures.Metrics, MisuseFeatures.Errors, MisuseFeatures.Errors, MisuseFeatures.TracedServices, MisuseFeatures.TracedServices,
        MisuseFeatures.Metrics | MisuseFeatures.Errors, MisuseFeatures.Errors | MisuseFeatures.TracedServices, MisuseFeatures.Metrics | MisuseFeatures.TracedServices,
        MisuseFeatures.Metrics | MisuseFeatures.Errors | MisuseFeatures.TracedServices,
    };

    private static readonly NullableContextOptions[] s_nullable =
    {
        NullableContextOptions.Enable, NullableContextOptions.Enable, NullableContextOptions.Disable, NullableContextOptions.Annotations, NullableContextOptions.Warnings,
    };

    public static MisuseCase Create(int seed, int index)
    {
        var random = new FuzzRandom(seed, index);
        var features = random.Pick(s_features);
        var style = random.Choose(new[] { NamespaceStyle.Block, NamespaceStyle.FileScoped }, new[] { NamespaceStyle.Global, NamespaceStyle.KeywordBlock });
        var source = new MisuseSource(random, style);
        if (features.HasFlag(MisuseFeatures.Metrics))
        {
            MeterDeclarations.Write(random, source);
        }

        if (features.HasFlag(MisuseFeatures.Errors))
        {
            ErrorDeclarations.Write(random, source);
        }

        if (features.HasFlag(MisuseFeatures.TracedServices))
        {
            TracedServiceDeclarations.Write(random, source);
        }

        // C# 10 is the oldest version Contrail supports; latest is what the tests' compiler knows.
        var languageVersion = random.Chance(0.3) ? LanguageVersion.CSharp10 : LanguageVersion.Latest;
        var nullable = random.Pick(s_nullable);
        var documentationMode = random.Chance(0.2) ? DocumentationMode.Diagnose : DocumentationMode.Parse;
        var text = source.Build(nullableDisableDirective: random.Misuse() && random.Chance(0.3));
        return new MisuseCase(seed, index, features, text, languageVersion, nullable, documentationMode);
    }

    /// <summary>How to get this case back, and what it compiles.</summary>
    public string Describe() =>
        $"seed {Seed}, case {Index} ({Features}; C# {LanguageVersion.ToDisplayString()}, nullable {Nullable}, documentation {DocumentationMode}):\n{Source}";
}
