using System.Linq;
using Contrail.Generators.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contrail.Generators.Tests.Metrics;

/// <summary>
/// However wrong an instrument method is, the generator gives it a body, so that the only errors of a
/// command-line build are the analyzer's CTR3xxx (the compiler runs no analyzer once it has an error of
/// its own, such as CS8795 for a partial method without an implementation).
/// </summary>
public sealed class MetricsMisuseBodyTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Contrail;

        """;

    public static TheoryData<string, string, string> Misuse => new()
    {
        { "ref parameter", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A(ref int count); }
            """ },
        { "out parameter", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A(out int count); }
            """ },
        { "in parameter", "CTR3009", """
            [Meter("m")] public static partial class M { [Histogram("acme.a")] public static partial void A(in double seconds); }
            """ },
        { "ref readonly parameter", "CTR3009", """
            [Meter("m")] public static partial class M { [Histogram("acme.a")] public static partial void A(ref readonly double seconds); }
            """ },
        { "params parameter", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A(params string[] regions); }
            """ },
        { "generic method with constraints", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A<T, U>(T value, U? other) where T : class, IComparable<T>, new() where U : struct; }
            """ },
        { "generic method with a nullable type parameter", "CTR3009", """
            #nullable enable
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A<T>(T? value) where T : notnull; }
            """ },
        { "static method in a non-static class", "CTR3009", """
            [Meter("m")] public sealed partial class M { [Counter("acme.a")] public static partial void A(); }
            """ },
        { "extension method", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A(this string region); }
            """ },
        { "two instrument attributes", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")][Histogram("acme.b")] public static partial void A(double v); }
            """ },
        { "a return value", "CTR3009", """
            [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial int A(); }
            """ },
        { "nested meter class", "CTR3010", """
            public static partial class Outer { [Meter("m")] public static partial class M { [Counter("acme.a")] public static partial void A(string region); } }
            """ },
        { "generic meter class", "CTR3010", """
            [Meter("m")] public sealed partial class M<T> where T : class { [Counter("acme.a")] public partial void A(out T value); }
            """ },
        { "meter record", "CTR3010", """
            [Meter("m")] public sealed partial record M { [Counter("acme.a")] public partial void A(string region); }
            """ },
        { "outside a meter class", "CTR3015", """
            public static partial class NotAMeter { [Counter("acme.a")] public static partial void A(string region); }
            """ },
        { "outside a meter class, overloads and a nested struct", "CTR3015", """
            public partial class Host<T>
            {
                [Counter("acme.a")] public partial void A();
                [Counter("acme.b")] public partial void A(int count); [Histogram("acme.c")] private partial void A(ref T value, out int other);
                public partial struct Inner { [ObservableGauge("acme.d")] internal partial void B(Func<int> read); }
            }
            """ },
        { "outside a meter class, two instrument attributes", "CTR3015", """
            public partial class Host { [Counter("acme.a")][Gauge("acme.b")] public partial void A(long value); }
            """ },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public void A_misused_instrument_method_gets_a_body_and_only_its_diagnostic(string shape, string id, string source)
    {
        foreach (var languageVersion in new[] { LanguageVersion.CSharp12, LanguageVersion.Latest })
        {
            foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
            {
                var input = TestCompilation.Create(new[] { Usings + source }, languageVersion, nullable);
                var (_, output, generatorDiagnostics) = TestCompilation.RunGenerator(input);

                Assert.Empty(generatorDiagnostics);
                var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(TestCompilation.Format).ToList();
                Assert.True(errors.Count == 0, $"{shape} (C# {languageVersion}, nullable {nullable}): {string.Join("\n", errors)}");
                var reported = TestCompilation.Analyze(output, new MetricsAnalyzer()).Select(d => d.Id).ToList();
                Assert.True(reported.Contains(id), $"{shape}: expected {id}, got {string.Join(", ", reported)}");
            }
        }
    }
}
