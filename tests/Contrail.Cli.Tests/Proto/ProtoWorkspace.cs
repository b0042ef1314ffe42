using System;
using System.IO;

namespace Contrail.Cli.Tests.Proto;

/// <summary>A temporary folder with .proto schemas: a baseline and a current version of one service.</summary>
public sealed class ProtoWorkspace : IDisposable
{
    public const string Orders = """
        syntax = "proto3";

        package acme.shop.v1;

        message Order {
          string id = 1;
          string customer = 2;
          int64 total_units = 3;
        }

        message GetOrderRequest {
          string id = 1;
        }

        service OrderService {
          rpc GetOrder(GetOrderRequest) returns (Order);
        }
        """;

    /// <summary>Orders with field 2 deleted and field 3's type changed: two breaking changes.</summary>
    public const string OrdersBroken = """
        syntax = "proto3";

        package acme.shop.v1;

        message Order {
          string id = 1;
          string total_units = 3;
        }

        message GetOrderRequest {
          string id = 1;
        }

        service OrderService {
          rpc GetOrder(GetOrderRequest) returns (Order);
        }
        """;

    public const string OrdersPath = "acme/shop/v1/orders.proto";

    public ProtoWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "contrail-cli-proto-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Combine(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        var path = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <c>base/</c> (unchanged) and <c>current/</c> (two breaking changes) and returns their paths.</summary>
    public (string Current, string Baseline) WriteBrokenPair()
    {
        Write("base/" + OrdersPath, Orders);
        Write("current/" + OrdersPath, OrdersBroken);
        return (Combine("current"), Combine("base"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
