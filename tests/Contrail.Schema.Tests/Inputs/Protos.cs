namespace Contrail.Schema.Tests.Inputs;

/// <summary>.proto sources shared by the input tests.</summary>
internal static class Protos
{
    public const string Money = """
        syntax = "proto3";

        package acme.common.v1;

        message Money {
          int64 units = 1;
          string currency = 2;
        }
        """;

    public const string Orders = """
        syntax = "proto3";

        package acme.shop.v1;

        import "acme/common/v1/money.proto";
        import "google/protobuf/timestamp.proto";

        // An order.
        message Order {
          string id = 1;
          acme.common.v1.Money total = 2;
          google.protobuf.Timestamp placed_at = 3;
        }

        service OrderService {
          rpc GetOrder(Order) returns (Order);
        }
        """;
}
