using BenchmarkDotNet.Running;

namespace Contrail.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>), or, with
/// <c>generate-proto-schema &lt;before-dir&gt; &lt;after-dir&gt;</c>, writes the generated proto schema
/// and its changed version for <c>benchmarks/proto-cli-vs-buf.sh</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "generate-proto-schema")
        {
            GeneratedProtoSchema.Write(args[1], changed: false);
            GeneratedProtoSchema.Write(args[2], changed: true);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
