using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contrail.Schema.Breaking;
using Contrail.Schema.Images;
using Contrail.Schema.Inputs;
using Contrail.Schema.Tests.Images;
using Contrail.Schema.Tests.Inputs;
using Xunit;
using Xunit.Abstractions;

namespace Contrail.Schema.Tests.Fuzz;

/// <summary>
/// The baseline reader against truncated and bit-flipped images, with a fixed seed so that every run
/// tries the same cases: it either returns a valid image or throws <see cref="SchemaFormatException"/>,
/// never another exception. An image it accepts must also write back and check without throwing.
/// </summary>
public sealed class ImageReaderFuzzTests : IDisposable
{
    private const int Seed = 20261121;
    private const int FlipCasesPerImage = 4000;

    private readonly ITestOutputHelper log;
    private readonly TempDirectory temp = new();

    public ImageReaderFuzzTests(ITestOutputHelper log)
    {
        this.log = log;
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Binary_images_truncated_at_every_length_and_bit_flipped()
    {
        var outcome = new Outcome();
        foreach (var (name, image) in BaseImages())
        {
            var bytes = SchemaImageWriter.WriteBinary(image);
            for (var length = 0; length < bytes.Length; length++)
            {
                outcome.Run(name + $" truncated to {length}", bytes.AsSpan(0, length).ToArray(), SchemaImageFormat.Binary, image);
            }

            var random = new Random(Seed);
            for (var i = 0; i < FlipCasesPerImage; i++)
            {
                var mutated = (byte[])bytes.Clone();
                var flips = 1 + random.Next(3);
                for (var f = 0; f < flips; f++)
                {
                    mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                }

                outcome.Run(name + $" flip case {i}", mutated, SchemaImageFormat.Binary, image);
            }
        }

        Report(outcome);
    }

    [Fact]
    public void Json_images_truncated_and_corrupted()
    {
        var outcome = new Outcome();
        const string Noise = "{}[]\",:0-e.\\ntruefalsnul\u00e9";
        foreach (var (name, image) in BaseImages())
        {
            var json = SchemaImageWriter.WriteJson(image);
            for (var length = 0; length < json.Length; length += 7)
            {
                outcome.Run(name + $" json truncated to {length}", Encoding.UTF8.GetBytes(json.Substring(0, length)), SchemaImageFormat.Json, image);
            }

            var random = new Random(Seed);
            var bytes = Encoding.UTF8.GetBytes(json);
            for (var i = 0; i < FlipCasesPerImage / 2; i++)
            {
                var mutated = (byte[])bytes.Clone();
                var position = random.Next(mutated.Length);
                if (random.Next(2) == 0)
                {
                    mutated[position] ^= (byte)(1 << random.Next(8));
                }
                else
                {
                    mutated[position] = (byte)Noise[random.Next(Noise.Length)];
                }

                outcome.Run(name + $" json corruption {i}", mutated, SchemaImageFormat.Json, image);
            }
        }

        Report(outcome);
    }

    private IEnumerable<(string Name, SchemaImage Image)> BaseImages()
    {
        yield return ("hand-built", ImageFixtures.Shop());
        temp.Write("protos/acme/common/v1/money.proto", Protos.Money);
        temp.Write("protos/acme/shop/v1/orders.proto", Protos.Orders);
        yield return ("protoc-compiled", SchemaInputResolver.Load(temp.Combine("protos")));
    }

    private void Report(Outcome outcome)
    {
        log.WriteLine($"{outcome.Cases} cases: {outcome.Accepted} read as images, {outcome.Rejected} rejected with SchemaFormatException.");
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Cases} cases threw something else, e.g.:\n" + string.Join("\n", outcome.Failures.Take(5)));
        Assert.True(outcome.Cases > 2000);
        Assert.True(outcome.Rejected > 0 && outcome.Accepted > 0, "the fuzzer should reach both outcomes");
    }

    private sealed class Outcome
    {
        public int Cases { get; private set; }

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public List<string> Failures { get; } = new();

        public void Run(string name, byte[] content, SchemaImageFormat format, SchemaImage original)
        {
            Cases++;
            SchemaImage image;
            try
            {
                image = SchemaImageReader.Read(content, format, "fuzz");
            }
            catch (SchemaFormatException exception)
            {
                Rejected++;
                if (exception.Message.Contains('\n', StringComparison.Ordinal) || !exception.Message.StartsWith("fuzz: ", StringComparison.Ordinal))
                {
                    Failures.Add($"{name}: not one line naming the source: {exception.Message}");
                }

                return;
            }
            catch (Exception exception)
            {
                Failures.Add($"{name}: {exception.GetType().Name}: {exception.Message}");
                return;
            }

            Accepted++;
            try
            {
                // What the reader accepts, the writer writes back identically and the engine can compare.
                var written = SchemaImageWriter.WriteBinary(image);
                var reread = SchemaImageReader.ReadBinary(written, "fuzz");
                if (!written.AsSpan().SequenceEqual(SchemaImageWriter.WriteBinary(reread)))
                {
                    Failures.Add($"{name}: the accepted image does not round-trip");
                }

                BreakingChecker.Check(original, image, BreakingOptions.Default);
                BreakingChecker.Check(image, original, BreakingOptions.Default);
            }
            catch (Exception exception)
            {
                Failures.Add($"{name}: accepted, then {exception.GetType().Name}: {exception.Message}");
            }
        }
    }
}
