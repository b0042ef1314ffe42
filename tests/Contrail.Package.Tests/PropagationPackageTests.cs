using Xunit;

namespace Contrail.Package.Tests;

/// <summary>
/// The context-propagation analyzers reach a consumer through the package: a handler that drops the
/// call's cancellation gets CTR1001 in <c>dotnet build</c>, at the call, with the token to pass.
/// </summary>
[Collection(PackedContrailCollection.Name)]
public sealed class PropagationPackageTests
{
    private readonly PackedContrail _package;

    public PropagationPackageTests(PackedContrail package) => _package = package;

    [Fact]
    public void A_handler_that_drops_the_call_token_gets_CTR1001_from_the_package()
    {
        using var consumer = Consumer.Create(_package, "Propagation", """
            using System.Threading.Tasks;
            using Acme.Shop.V1;
            using Grpc.Core;

            namespace Propagation
            {
                public sealed class OrderService : Orders.OrdersBase
                {
                    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
                    {
                        await Task.Delay(10);
                        await Task.Delay(10, context.CancellationToken);
                        return new Order { OrderId = request.OrderId };
                    }
                }

                public static class Program
                {
                    public static void Main() { }
                }
            }
            """);

        var build = consumer.Run("build", "-c", "Release", "-p:TreatWarningsAsErrors=false");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(
            "Program.cs(11,19): warning CTR1001: 'Task.Delay' has an overload that takes a CancellationToken; pass 'context.CancellationToken' so that it stops when the call is cancelled",
            build.Output);
        Assert.DoesNotContain("Program.cs(12,", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8032", build.Output);
    }
}
