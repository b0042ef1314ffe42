using System;
using System.Globalization;
using System.Threading.Tasks;
using Contrail.Generators.Tests.Behaviour;

// The full loopback soak: dotnet run -c Release --project benchmarks/Contrail.Soak [-- --calls N --clients N --seed N]
// Exits 0 when every invariant held, 1 on a violation, 2 when it did not stop by itself in time.
var calls = 200_000;
var clients = 4;
var seed = 20261201;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--calls":
            calls = value;
            break;
        case "--clients":
            clients = value;
            break;
        case "--seed":
            seed = value;
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 64;
    }
}

var options = new LoopbackSoakOptions(calls, clients, Seed: seed, TimeLimit: TimeSpan.FromSeconds(100));
Console.WriteLine($"Kestrel h2c loopback soak: {calls:N0} calls, {clients} clients, seed {seed} (override with --seed)");
var soak = LoopbackSoak.RunAsync(options);
var hardStop = TimeSpan.FromSeconds(115);
if (await Task.WhenAny(soak, Task.Delay(hardStop)) != soak)
{
    Console.Error.WriteLine($"The soak did not stop by itself within {hardStop.TotalSeconds} s.");
    return 2;
}

var result = await soak;
Console.WriteLine(result.FormatSummary());
return result.Violations.Count == 0 ? 0 : 1;
