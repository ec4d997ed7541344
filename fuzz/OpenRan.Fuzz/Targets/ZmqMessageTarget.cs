using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using OpenRan.Dsp;
using OpenRan.Radio.Zmq;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// A received ZMQ message (srsRAN wire format) through <see cref="ZmqSampleFormat.Decode"/> into a staging buffer whose
/// capacity the first byte chooses: every byte must be accounted for (delivered, dropped as whole samples, or trailing)
/// and delivered samples must be bit-exact copies.
/// </summary>
internal sealed class ZmqMessageTarget : FuzzTarget
{
    private static readonly int[] s_capacities = [0, 1, 64, 1000, 4096];
    private readonly ComplexF32[] _staging = new ComplexF32[4096];

    public override string Name => "zmq";

    public override string Description => "byte 0: staging capacity; the rest is one received ZMQ message decoded to samples";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var header = new FuzzInput(input);
        Span<ComplexF32> staging = _staging.AsSpan(0, s_capacities[header.Choose(s_capacities.Length)]);
        ReadOnlySpan<byte> message = header.Rest;
        ZmqMessageDecodeResult result = ZmqSampleFormat.Decode(message, staging);
        if (result.SampleCount > staging.Length
            || ((long)(result.SampleCount + result.DroppedSampleCount) * ZmqSampleFormat.BytesPerSample) + result.TrailingByteCount != message.Length
            || result.TrailingByteCount is < 0 or >= ZmqSampleFormat.BytesPerSample
            || !MemoryMarshal.AsBytes(staging[..result.SampleCount]).SequenceEqual(message[..(result.SampleCount * ZmqSampleFormat.BytesPerSample)]))
        {
            throw new InvalidOperationException($"ZMQ message of {message.Length} bytes into {staging.Length} samples: {result} does not account for it.");
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var random = new Random(5);
        foreach ((int capacity, int bytes) in new (int, int)[] { (2, 80), (3, 8 * 1000), (2, (8 * 64) + 3), (4, 8 * 4096) })
        {
            var seed = new byte[1 + bytes];
            random.NextBytes(seed);
            seed[0] = (byte)capacity;
            yield return new FuzzSeed($"capacity{s_capacities[capacity]}-{bytes}bytes", seed);
        }
    }
}
