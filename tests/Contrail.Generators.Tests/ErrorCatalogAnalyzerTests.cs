using System.Linq;
using Contrail.Generators.Errors;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contrail.Generators.Tests;

public sealed class ErrorCatalogAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Acme.Shop.V1;
        using Contrail;
        using Grpc.Core;

        """;

    public static TheoryData<string, string> Misuse => new()
    {
        {
            "reason format and length",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [{|CTR4001:GrpcError(GrpcStatusCode.NotFound, "orderNotFound")|}]
            public sealed class A : Exception { }
            [{|CTR4001:GrpcError(GrpcStatusCode.NotFound, "ORDER_")|}]
            public sealed class B : Exception { }
            [{|CTR4001:GrpcError(GrpcStatusCode.NotFound, "A_REASON_THAT_IS_FAR_TOO_LONG_TO_BE_AN_AIP_193_REASON_BY_ANY_MEASURE")|}]
            public sealed class C : Exception { }
            """
        },
        {
            "duplicate reason within a domain",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception { }
            [{|CTR4002:GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")|}]
            public sealed class B : Exception { }
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = "other.acme.example")]
            public sealed class C : Exception { }
            """
        },
        {
            "missing domain",
            """
            [{|CTR4003:GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")|}]
            public sealed class A : Exception { }
            [{|CTR4003:GrpcError(GrpcStatusCode.NotFound, "ORDER_GONE", Domain = " ")|}]
            public sealed class B : Exception { }
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_LOST", Domain = "shop.acme.example")]
            public sealed class C : Exception { }
            """
        },
        {
            "metadata keys",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception
            {
                [{|CTR4004:ErrorMetadata("order_id")|}] public string OrderId { get; } = "";
                [ErrorMetadata("customerId")] public string CustomerId { get; } = "";
                [{|CTR4004:ErrorMetadata("customerId")|}] public string Customer { get; } = "";
            }
            """
        },
        {
            "message placeholder without metadata",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [{|CTR4005:GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Message = "Order {orderId} of {customerId} was not found.")|}]
            public sealed class A : Exception
            {
                [ErrorMetadata("orderId")] public string OrderId { get; } = "";
            }
            """
        },
        {
            "codes",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [{|CTR4006:GrpcError(GrpcStatusCode.OK, "ALL_GOOD")|}]
            public sealed class A : Exception { }
            [{|CTR4006:GrpcError((GrpcStatusCode)99, "WHO_KNOWS")|}]
            public sealed class B : Exception { }
            """
        },
        {
            "metadata members that cannot be sent",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception
            {
                [{|CTR4007:ErrorMetadata("items")|}] public string[] Items { get; } = Array.Empty<string>();
                [{|CTR4007:ErrorMetadata("secret")|}] public string Secret { private get; set; } = "";
            }
            public sealed class NotMapped : Exception
            {
                [{|CTR4007:ErrorMetadata("orderId")|}] public string OrderId { get; } = "";
            }
            """
        },
        {
            "unmapped exceptions thrown in traced handlers",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public class OrderNotFoundException : Exception { }
            public sealed class OrderGoneException : OrderNotFoundException { }

            [TracedService]
            public sealed class S : Orders.OrdersBase
            {
                public override Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
                {
                    if (request.OrderId.Length == 0) {|CTR4008:throw new InvalidOperationException("empty");|}
                    if (request.OrderId == "x") throw new OrderGoneException();
                    if (request.OrderId == "y") throw new RpcException(new Status(StatusCode.InvalidArgument, "y"));
                    if (request.OrderId == "z") throw new OperationCanceledException();
                    try { throw new FormatException("handled here"); } catch (FormatException) { }
                    try { throw new ArgumentNullException("p"); } catch (ArgumentException) { }
                    try { {|CTR4008:throw new TimeoutException("not caught by this catch");|} } catch (FormatException) { }
                    try { } catch (Exception) { {|CTR4008:throw new InvalidCastException("thrown from the catch");|} }
                    Func<int> lambda = () => {|CTR4008:throw new ArgumentException("in a lambda")|};
                    return Task.FromResult(new Order { OrderId = request.OrderId ?? {|CTR4008:throw new ArgumentNullException()|} });
                }

                private static void NotAHandler() => throw new InvalidOperationException("fine");
            }
            """
        },
        {
            "types that cannot be mapped",
            """
            [assembly: ErrorDomain("shop.acme.example")]
            [{|CTR4009:GrpcError(GrpcStatusCode.NotFound, "NOT_AN_EXCEPTION")|}]
            public sealed class A { }
            [{|CTR4009:GrpcError(GrpcStatusCode.NotFound, "ABSTRACT_ERROR")|}]
            public abstract class B : Exception { }
            [{|CTR4009:GrpcError(GrpcStatusCode.NotFound, "GENERIC_ERROR")|}]
            public sealed class C<T> : Exception { }
            public enum Aliased
            {
                [GrpcError(GrpcStatusCode.NotFound, "ALIAS_A")] A = 1,
                [{|CTR4009:GrpcError(GrpcStatusCode.NotFound, "ALIAS_B")|}] B = 1,
                C = 1,
            }
            public sealed class Outer<T>
            {
                public enum Reason { [{|CTR4009:GrpcError(GrpcStatusCode.Aborted, "NESTED_IN_GENERIC")|}] Aborted }

                [{|CTR4009:GrpcError(GrpcStatusCode.Aborted, "EXCEPTION_NESTED_IN_GENERIC")|}]
                public sealed class Failed : Exception { }
            }
            """
        },
        {
            "a catalog name a user type already has",
            """
            [assembly: {|CTR4010:ErrorDomain("shop.acme.example", CatalogName = "ShopErrors")|}]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception { }
            public sealed class ShopErrors { }
            """
        },
        {
            "the default catalog name on an error type",
            """
            [{|CTR4010:GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND", Domain = "shop.acme.example")|}]
            public sealed class GrpcErrors : Exception { }
            """
        },
        {
            "a static partial class of the catalog's name adds to the catalog",
            """
            [assembly: ErrorDomain("shop.acme.example", CatalogName = "ShopErrors")]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception { }
            public static partial class ShopErrors { public const string Owner = "shop-team"; }
            """
        },
        {
            "domain settings",
            """
            [assembly: {|CTR4010:ErrorDomain("shop.acme.example", CatalogName = "Shop-Errors")|}]
            [GrpcError(GrpcStatusCode.NotFound, "ORDER_NOT_FOUND")]
            public sealed class A : Exception { }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public void Misuse_is_reported_where_it_is_written(string description, string markup)
    {
        var (source, expected) = Markup.Parse(Usings + markup);
        var compilation = TestCompilation.Create(source);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, description + ": " + string.Join("\n", compileErrors.Select(TestCompilation.Format)));

        var actual = TestCompilation.Analyze(compilation, new ErrorCatalogAnalyzer())
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id)
            .Select(d => $"{d.Id} {source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}");

        Assert.Equal(expected.OrderBy(d => d.Span.Start).ThenBy(d => d.Id).Select(d => $"{d.Id} {source.Substring(d.Span.Start, d.Span.Length)}"), actual);

        var (_, output, generatorDiagnostics) = TestCompilation.RunGenerator(compilation);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Correct_errors_report_nothing()
    {
        var compilation = TestCompilation.Create(new[] { Sources.Errors });
        TestCompilation.AssertClean(compilation, "the input");

        Assert.Empty(TestCompilation.Analyze(compilation, new ErrorCatalogAnalyzer()));
    }

    [Fact]
    public void Messages_name_the_problem()
    {
        var compilation = TestCompilation.Create(Usings + """
            [GrpcError(GrpcStatusCode.NotFound, "order-not-found")]
            public sealed class A : Exception { }
            """);

        var messages = TestCompilation.Analyze(compilation, new ErrorCatalogAnalyzer())
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");

        Assert.Equal(new[]
        {
            "CTR4001: 'order-not-found' is not a valid error reason: use UPPER_SNAKE_CASE ([A-Z][A-Z0-9_]+[A-Z0-9]) of at most 63 characters (AIP-193)",
            "CTR4003: 'A' has no error domain: set Domain on [GrpcError] or add [assembly: ErrorDomain(\"your.service.example\")]",
        }, messages);
    }
}
