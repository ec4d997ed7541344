using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.SigMf;

/// <summary>
/// Converts between SigMF sample bytes (channel-interleaved, as <c>core:num_channels</c> prescribes) and one channel of
/// <see cref="ComplexF32"/> or <see cref="ComplexI16"/> samples.
/// </summary>
/// <remarks>
/// Integer datatypes go through int16 without loss: ci8 ↔ int16 is ×256 / arithmetic shift right by 8, cu8 the same
/// after removing the 128 offset, so record → replay of any datatype through an int16 stream is bit-exact. Float ↔
/// int16 uses full scale <see cref="SampleConvert.I16FullScale"/>.
/// </remarks>
public static class SigMfCodec
{
    /// <summary>Decodes <c>destination.Length</c> samples of channel <paramref name="channel"/> from <paramref name="raw"/>.</summary>
    public static void Decode<T>(ReadOnlySpan<byte> raw, SigMfDatatype datatype, int channelCount, int channel, Span<T> destination)
        where T : unmanaged
    {
        int bps = datatype.BytesPerSample();
        if (raw.Length < (long)destination.Length * channelCount * bps)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(raw), raw.Length, destination.Length * channelCount * bps);
        }

        if (datatype == SigMfDatatype.Cf32Le && channelCount == 1 && typeof(T) == typeof(ComplexF32) && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, T>(raw[..(destination.Length * 8)]).CopyTo(destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            ReadOnlySpan<byte> s = raw.Slice(((i * channelCount) + channel) * bps, bps);
            destination[i] = datatype switch
            {
                SigMfDatatype.Cf32Le => FromF32<T>(BinaryPrimitives.ReadSingleLittleEndian(s), BinaryPrimitives.ReadSingleLittleEndian(s[4..])),
                SigMfDatatype.Ci16Le => FromI16<T>(BinaryPrimitives.ReadInt16LittleEndian(s), BinaryPrimitives.ReadInt16LittleEndian(s[2..])),
                SigMfDatatype.Ci8 => FromI16<T>((short)((sbyte)s[0] * 256), (short)((sbyte)s[1] * 256)),
                _ => FromI16<T>((short)((s[0] - 128) * 256), (short)((s[1] - 128) * 256)),
            };
        }
    }

    /// <summary>Encodes <c>source.Length</c> samples as channel <paramref name="channel"/> into <paramref name="raw"/>.</summary>
    public static void Encode<T>(ReadOnlySpan<T> source, SigMfDatatype datatype, int channelCount, int channel, Span<byte> raw)
        where T : unmanaged
    {
        int bps = datatype.BytesPerSample();
        if (raw.Length < (long)source.Length * channelCount * bps)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(raw), raw.Length, source.Length * channelCount * bps);
        }

        if (datatype == SigMfDatatype.Cf32Le && channelCount == 1 && typeof(T) == typeof(ComplexF32) && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<T, byte>(source).CopyTo(raw);
            return;
        }

        for (int i = 0; i < source.Length; i++)
        {
            Span<byte> d = raw.Slice(((i * channelCount) + channel) * bps, bps);
            switch (datatype)
            {
                case SigMfDatatype.Cf32Le:
                    ComplexF32 f = ToF32(source[i]);
                    BinaryPrimitives.WriteSingleLittleEndian(d, f.Re);
                    BinaryPrimitives.WriteSingleLittleEndian(d[4..], f.Im);
                    break;
                case SigMfDatatype.Ci16Le:
                    ComplexI16 v = ToI16(source[i]);
                    BinaryPrimitives.WriteInt16LittleEndian(d, v.Re);
                    BinaryPrimitives.WriteInt16LittleEndian(d[2..], v.Im);
                    break;
                case SigMfDatatype.Ci8:
                    ComplexI16 b = ToI16(source[i]);
                    d[0] = (byte)(sbyte)(b.Re >> 8);
                    d[1] = (byte)(sbyte)(b.Im >> 8);
                    break;
                default:
                    ComplexI16 u = ToI16(source[i]);
                    d[0] = (byte)((u.Re >> 8) + 128);
                    d[1] = (byte)((u.Im >> 8) + 128);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FromF32<T>(float re, float im)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ComplexF32))
        {
            var v = new ComplexF32(re, im);
            return Unsafe.As<ComplexF32, T>(ref v);
        }

        var q = new ComplexI16(SampleConversion.SaturateToInt16(re * SampleConvert.I16FullScale), SampleConversion.SaturateToInt16(im * SampleConvert.I16FullScale));
        return Unsafe.As<ComplexI16, T>(ref q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FromI16<T>(short re, short im)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ComplexI16))
        {
            var v = new ComplexI16(re, im);
            return Unsafe.As<ComplexI16, T>(ref v);
        }

        var f = new ComplexF32(re * (1f / SampleConvert.I16FullScale), im * (1f / SampleConvert.I16FullScale));
        return Unsafe.As<ComplexF32, T>(ref f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ComplexF32 ToF32<T>(T value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ComplexF32))
        {
            return Unsafe.As<T, ComplexF32>(ref value);
        }

        ComplexI16 q = Unsafe.As<T, ComplexI16>(ref value);
        return new ComplexF32(q.Re * (1f / SampleConvert.I16FullScale), q.Im * (1f / SampleConvert.I16FullScale));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ComplexI16 ToI16<T>(T value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ComplexI16))
        {
            return Unsafe.As<T, ComplexI16>(ref value);
        }

        ComplexF32 f = Unsafe.As<T, ComplexF32>(ref value);
        return new ComplexI16(SampleConversion.SaturateToInt16(f.Re * SampleConvert.I16FullScale), SampleConversion.SaturateToInt16(f.Im * SampleConvert.I16FullScale));
    }
}
