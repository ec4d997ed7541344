using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Radio.Zmq;

/// <summary>
/// The sample format on the wire of srsRAN's ZMQ radio (and so of <see cref="ZmqRadio"/>): raw interleaved I/Q as
/// little-endian float32 (complex64), 8 bytes per sample, full scale ±1.0, with no header.
/// </summary>
public static class ZmqSampleFormat
{
    /// <summary>Bytes per complex sample on the wire.</summary>
    public const int BytesPerSample = 8;

    /// <summary>
    /// Decodes a received message into <paramref name="destination"/>: as many whole samples as fit; the rest of the
    /// message is counted, never written. Sample values are copied bit for bit (non-finite values included).
    /// </summary>
    public static ZmqMessageDecodeResult Decode(ReadOnlySpan<byte> message, Span<ComplexF32> destination)
    {
        int whole = message.Length / BytesPerSample;
        int n = Math.Min(whole, destination.Length);
        ReadOnlySpan<byte> payload = message[..(n * BytesPerSample)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, ComplexF32>(payload).CopyTo(destination);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                destination[i] = new ComplexF32(
                    BinaryPrimitives.ReadSingleLittleEndian(payload[(i * BytesPerSample)..]),
                    BinaryPrimitives.ReadSingleLittleEndian(payload[((i * BytesPerSample) + 4)..]));
            }
        }

        return new ZmqMessageDecodeResult(n, whole - n, message.Length % BytesPerSample);
    }
}
