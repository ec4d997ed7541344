namespace OpenRan.Radio.Zmq;

/// <summary>How one received ZMQ message was turned into samples.</summary>
/// <param name="SampleCount">Whole samples written to the destination.</param>
/// <param name="DroppedSampleCount">Whole samples the message held beyond the destination's capacity (not delivered).</param>
/// <param name="TrailingByteCount">Bytes after the last whole sample (0..7): a message that is not a multiple of 8 bytes.</param>
public readonly record struct ZmqMessageDecodeResult(int SampleCount, int DroppedSampleCount, int TrailingByteCount)
{
    /// <summary>Whether the whole message was delivered as samples.</summary>
    public bool IsClean => DroppedSampleCount == 0 && TrailingByteCount == 0;
}
