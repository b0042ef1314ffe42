using System;
using System.Collections.Generic;

namespace Contrail.Generators.Tests.Fuzzing;

/// <summary>
/// The choices of one fuzz case, drawn from a <see cref="Random"/> seeded with the run's seed and the
/// case's index, so that a case is a pure function of the two (<c>new Random(int)</c> is stable across
/// .NET versions). Each case also draws how often it misuses: some cases have one wrong thing, which
/// makes a finding easy to read, others many, which finds interactions.
/// </summary>
internal sealed class FuzzRandom
{
    private static readonly double[] s_misuseRates = { 0.02, 0.05, 0.1, 0.2 };

    private readonly Random _random;

    public FuzzRandom(int seed, int index)
    {
        _random = new Random(unchecked((seed * 1_000_003) + index));
        MisuseRate = Pick(s_misuseRates);
    }

    /// <summary>The probability that a choice point of this case picks a misuse.</summary>
    public double MisuseRate { get; }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>Whether this choice point misuses.</summary>
    public bool Misuse() => Chance(MisuseRate);

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int Between(int minimum, int maximum) => _random.Next(minimum, maximum + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    /// <summary>A valid item, or at this case's misuse rate a misused one.</summary>
    public T Choose<T>(IReadOnlyList<T> valid, IReadOnlyList<T> misused) => Misuse() ? Pick(misused) : Pick(valid);
}
