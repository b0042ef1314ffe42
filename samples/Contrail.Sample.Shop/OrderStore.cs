using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop.V1;

namespace Contrail.Sample.Shop;

/// <summary>Where the shop keeps its orders.</summary>
public interface IOrderStore
{
    /// <summary>Finds an order, or returns <see langword="null"/> when there is none with that id.</summary>
    Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Adds an item to an existing order; returns <see langword="false"/> when the order does not exist.</summary>
    Task<bool> AddItemAsync(OrderItem item, CancellationToken cancellationToken);
}

/// <summary>
/// An in-memory <see cref="IOrderStore"/>. Archived orders live in "cold storage": reading one
/// takes two seconds, which is what the sample's deadline scenario runs into.
/// </summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    /// <summary>A recent order.</summary>
    public const string RecentOrderId = "A-1001";

    /// <summary>An archived order, slow to read.</summary>
    public const string ArchivedOrderId = "A-0042";

    private static readonly TimeSpan ColdStorageLatency = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _archived = new(StringComparer.Ordinal);

    /// <summary>Creates the store with two orders, one of them archived.</summary>
    public InMemoryOrderStore()
    {
        var recent = new Order { OrderId = RecentOrderId, Customer = "ada", Status = OrderStatus.Placed };
        recent.Items.Add(new OrderItem { OrderId = RecentOrderId, Sku = "KB-MECH-01", Quantity = 1, UnitPriceCents = 8900 });
        recent.Items.Add(new OrderItem { OrderId = RecentOrderId, Sku = "USB-C-2M", Quantity = 2, UnitPriceCents = 1250 });
        recent.TotalCents = Total(recent);

        var archived = new Order { OrderId = ArchivedOrderId, Customer = "grace", Status = OrderStatus.Delivered };
        archived.Items.Add(new OrderItem { OrderId = ArchivedOrderId, Sku = "MOUSE-01", Quantity = 1, UnitPriceCents = 3900 });
        archived.TotalCents = Total(archived);

        _orders.Add(recent.OrderId, recent);
        _orders.Add(archived.OrderId, archived);
        _archived.Add(archived.OrderId);
    }

    /// <inheritdoc />
    public async Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        bool archived;
        lock (_gate)
        {
            archived = _archived.Contains(orderId);
        }

        if (archived)
        {
            await Task.Delay(ColdStorageLatency, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Callers get a copy: the stored order changes only through the store.
            return _orders.TryGetValue(orderId, out var order) ? order.Clone() : null;
        }
    }

    /// <inheritdoc />
    public Task<bool> AddItemAsync(OrderItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_orders.TryGetValue(item.OrderId, out var order))
            {
                return Task.FromResult(false);
            }

            order.Items.Add(item.Clone());
            order.TotalCents = Total(order);
            return Task.FromResult(true);
        }
    }

    private static long Total(Order order)
    {
        long total = 0;
        foreach (var item in order.Items)
        {
            total += item.Quantity * item.UnitPriceCents;
        }

        return total;
    }
}
