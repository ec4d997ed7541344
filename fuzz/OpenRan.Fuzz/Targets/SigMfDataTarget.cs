using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Radio.SigMf;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// SigMF sample data: header bytes choose the datatype and channel count, the rest is the data file's content. The length
/// check, decoding of every channel to <see cref="ComplexF32"/> and <see cref="ComplexI16"/>, and the codec's documented
/// bit-exact round trips (every datatype through its own sample type) are exercised.
/// </summary>
internal sealed class SigMfDataTarget : FuzzTarget
{
    private const int MaxSamples = 1 << 16;
    private readonly ComplexF32[] _f32 = new ComplexF32[MaxSamples];
    private readonly ComplexI16[] _i16 = new ComplexI16[MaxSamples];
    private readonly byte[] _reencoded = new byte[MaxSamples * 8 * 4];

    public override string Name => "sigmf-data";

    public override string Description => "byte 0: datatype, byte 1: channels (1..4); the rest is SigMF data decoded per channel and re-encoded";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var header = new FuzzInput(input);
        var datatype = (SigMfDatatype)header.Choose(4);
        int channels = 1 + header.Choose(4);
        ReadOnlySpan<byte> data = header.Rest;
        var metadata = new SigMfMetadata { Datatype = datatype, SampleRateHz = 1e6, ChannelCount = channels, Captures = [new SigMfCapture(0)] };
        try
        {
            metadata.ValidateData(data.Length, "fuzz.sigmf-data");
        }
        catch (SigMfFormatException)
        {
            return;
        }

        int samples = Math.Min(data.Length / metadata.BytesPerFrame, MaxSamples);
        ReadOnlySpan<byte> frames = data[..(samples * metadata.BytesPerFrame)];
        Span<byte> reencoded = _reencoded.AsSpan(0, frames.Length);
        for (int c = 0; c < channels; c++)
        {
            SigMfCodec.Decode(frames, datatype, channels, c, _f32.AsSpan(0, samples));
            SigMfCodec.Decode(frames, datatype, channels, c, _i16.AsSpan(0, samples));
            if (datatype == SigMfDatatype.Cf32Le)
            {
                SigMfCodec.Encode<ComplexF32>(_f32.AsSpan(0, samples), datatype, channels, c, reencoded);
            }
            else
            {
                SigMfCodec.Encode<ComplexI16>(_i16.AsSpan(0, samples), datatype, channels, c, reencoded);
            }
        }

        if (!reencoded.SequenceEqual(frames))
        {
            throw new InvalidOperationException($"SigMF {datatype.ToText()} data with {channels} channel(s) changed in its decode/encode round trip.");
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var random = new Random(13);
        for (int datatype = 0; datatype < 4; datatype++)
        {
            for (int channels = 1; channels <= 2; channels++)
            {
                var bytes = new byte[2 + (64 * channels * ((SigMfDatatype)datatype).BytesPerSample())];
                random.NextBytes(bytes);
                bytes[0] = (byte)datatype;
                bytes[1] = (byte)(channels - 1);
                yield return new FuzzSeed($"{((SigMfDatatype)datatype).ToText()}-{channels}ch", bytes);
            }
        }
    }
}
