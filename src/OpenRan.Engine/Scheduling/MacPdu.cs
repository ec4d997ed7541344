using System;
using System.Buffers.Binary;
using OpenRan.Dsp;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// MAC PDUs the phy-test scheduler builds (TS 38.321 §6.1.2, §6.1.3.4, §6.1.5, §6.2.1, §6.2.3): a DL-SCH PDU with an
/// optional Timing Advance Command MAC CE, one MAC SDU of test data and padding; a random-access response; a Msg3 with its
/// CCCH SDU; and a Msg4 with the UE Contention Resolution Identity MAC CE. Every
/// method writes into the caller's buffer and allocates nothing.
/// </summary>
public static class MacPdu
{
    /// <summary>LCID of the Timing Advance Command MAC CE (TS 38.321 Table 6.2.1-1).</summary>
    public const int TimingAdvanceCommandLcid = 61;

    /// <summary>LCID of the UE Contention Resolution Identity MAC CE (TS 38.321 Table 6.2.1-1).</summary>
    public const int ContentionResolutionIdentityLcid = 62;

    /// <summary>LCID of a CCCH SDU of 48 bits on the UL-SCH (TS 38.321 Table 6.2.1-2).</summary>
    public const int Ccch48Lcid = 52;

    /// <summary>Size of the UE Contention Resolution Identity: the first 48 bits of the UL CCCH SDU.</summary>
    public const int ContentionResolutionIdentityBytes = 6;

    /// <summary>LCID of padding.</summary>
    public const int PaddingLcid = 63;

    /// <summary>The logical channel the test data is sent on (the first DRB, LCID 4).</summary>
    public const int TestDataLcid = 4;

    /// <summary>Size of one MAC RAR subPDU: E/T/RAPID subheader + 7-byte MAC RAR.</summary>
    public const int RarSubPduBytes = 8;

    /// <summary>
    /// Fills <paramref name="pdu"/> (the whole transport block): an optional Timing Advance Command CE (TAG 0,
    /// <paramref name="timingAdvanceCommand"/> 0..63, or −1 for none), then one MAC SDU on LCID 4 with a 16-bit L field
    /// carrying pseudo-random bytes from <paramref name="seed"/>, then a padding subheader and zeros if room is left.
    /// Returns the number of data bytes.
    /// </summary>
    public static int WriteDownlinkData(Span<byte> pdu, int timingAdvanceCommand, ulong seed)
    {
        int offset = 0;
        if (timingAdvanceCommand >= 0)
        {
            ThrowHelper.ThrowIfOutside(timingAdvanceCommand, 0, 63);
            pdu[offset++] = TimingAdvanceCommandLcid;
            pdu[offset++] = (byte)timingAdvanceCommand;
        }

        int room = pdu.Length - offset - 3;
        if (room <= 0)
        {
            pdu[offset..].Clear();
            if (offset < pdu.Length)
            {
                pdu[offset] = PaddingLcid;
            }

            return 0;
        }

        // Leave one byte for a padding subheader unless the SDU fills the block exactly.
        int data = Math.Min(room, 65535);
        if (data < room)
        {
            data = Math.Min(data, room - 1);
        }

        pdu[offset++] = 0x40 | TestDataLcid;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[offset..], (ushort)data);
        offset += 2;
        FillPseudoRandom(pdu.Slice(offset, data), seed);
        offset += data;
        if (offset < pdu.Length)
        {
            pdu[offset++] = PaddingLcid;
            pdu[offset..].Clear();
        }

        return data;
    }

    /// <summary>
    /// Writes a MAC PDU of one random-access response (TS 38.321 §6.1.5, §6.2.3) into <paramref name="pdu"/>: the E/T/RAPID
    /// subheader (E = 0, T = 1), the MAC RAR (R, 12-bit Timing Advance Command, 27-bit UL grant, Temporary C-RNTI) and
    /// padding. Returns the bytes written before padding (8).
    /// </summary>
    /// <param name="pdu">The transport block.</param>
    /// <param name="rapid">The random access preamble identifier, 0..63.</param>
    /// <param name="timingAdvance">T_A, 0..3846 (TS 38.213 §4.2).</param>
    /// <param name="ulGrant">The 27-bit RAR UL grant (TS 38.213 Table 8.2-1, <see cref="RarUplinkGrant"/>).</param>
    /// <param name="temporaryCRnti">The TC-RNTI.</param>
    public static int WriteRandomAccessResponse(Span<byte> pdu, int rapid, int timingAdvance, int ulGrant, int temporaryCRnti)
    {
        ThrowHelper.ThrowIfOutside(rapid, 0, 63);
        ThrowHelper.ThrowIfOutside(timingAdvance, 0, 3846);
        ThrowHelper.ThrowIfOutside(ulGrant, 0, (1 << 27) - 1);
        ThrowHelper.ThrowIfOutside(temporaryCRnti, 1, 65535);
        if (pdu.Length < RarSubPduBytes)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(pdu), pdu.Length, RarSubPduBytes);
        }

        pdu[0] = (byte)(0x40 | rapid);
        // R (1) | TA (12) | UL grant (27) | TC-RNTI (16) = 56 bits, MSB first.
        ulong bits = ((ulong)timingAdvance << 43) | ((ulong)ulGrant << 16) | (uint)temporaryCRnti;
        for (int i = 0; i < 7; i++)
        {
            pdu[1 + i] = (byte)(bits >> (8 * (6 - i)));
        }

        if (pdu.Length > RarSubPduBytes)
        {
            pdu[RarSubPduBytes..].Clear();
        }

        return RarSubPduBytes;
    }

    /// <summary>
    /// Reads the first MAC subPDU of a random-access response: false unless it is an E/T/RAPID subheader (T = 1) followed
    /// by a MAC RAR (TS 38.321 §6.1.5, §6.2.3).
    /// </summary>
    public static bool TryReadRandomAccessResponse(ReadOnlySpan<byte> pdu, out int rapid, out int timingAdvance, out int ulGrant, out int temporaryCRnti)
    {
        rapid = timingAdvance = ulGrant = temporaryCRnti = 0;
        if (pdu.Length < RarSubPduBytes || (pdu[0] & 0x40) == 0)
        {
            return false;
        }

        rapid = pdu[0] & 0x3F;
        ulong bits = 0;
        for (int i = 0; i < 7; i++)
        {
            bits = (bits << 8) | pdu[1 + i];
        }

        timingAdvance = (int)((bits >> 43) & 0xFFF);
        ulGrant = (int)((bits >> 16) & ((1 << 27) - 1));
        temporaryCRnti = (int)(bits & 0xFFFF);
        return true;
    }

    /// <summary>
    /// Fills <paramref name="pdu"/> with a Msg3: a CCCH SDU of 48 bits (R/LCID subheader with LCID 52, "CCCH of size 48
    /// bits" of TS 38.321 Table 6.2.1-2; LCID 0 is the 64-bit CCCH1) carrying <paramref name="ueIdentity"/> (the 6 bytes an
    /// RRCSetupRequest would carry) and padding (TS 38.321 §6.1.2). Returns the bytes written before padding (7).
    /// </summary>
    public static int WriteMsg3(Span<byte> pdu, ReadOnlySpan<byte> ueIdentity)
    {
        if (ueIdentity.Length != ContentionResolutionIdentityBytes)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ueIdentity), ueIdentity.Length, "6 bytes (a 48-bit CCCH SDU)");
        }

        if (pdu.Length < 7)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(pdu), pdu.Length, 7);
        }

        pdu[0] = Ccch48Lcid;
        ueIdentity.CopyTo(pdu[1..]);
        if (pdu.Length > 7)
        {
            pdu[7] = PaddingLcid;
            pdu[8..].Clear();
        }

        return 7;
    }

    /// <summary>
    /// The first 48 bits of the CCCH SDU of a Msg3 (what the UE Contention Resolution Identity MAC CE echoes, TS 38.321
    /// §5.1.5, §6.1.3.4): false unless the first subheader is an R/LCID subheader of a CCCH (LCID 52, 48 bits, or LCID 0,
    /// 64 bits) with room for its SDU.
    /// </summary>
    public static bool TryReadCcchSdu(ReadOnlySpan<byte> pdu, out ReadOnlySpan<byte> first48Bits)
    {
        first48Bits = default;
        int lcid = pdu.IsEmpty ? -1 : pdu[0] & 0x3F;
        int sduBytes = lcid == Ccch48Lcid ? 6 : lcid == 0 ? 8 : -1;
        if (sduBytes < 0 || (pdu[0] & 0xC0) != 0 || pdu.Length < 1 + sduBytes)
        {
            return false;
        }

        first48Bits = pdu.Slice(1, ContentionResolutionIdentityBytes);
        return true;
    }

    /// <summary>
    /// Fills <paramref name="pdu"/> (the whole transport block) with a Msg4 as the engine sends it: the UE Contention
    /// Resolution Identity MAC CE (R/LCID subheader, LCID 62 of TS 38.321 Table 6.2.1-1, then the fixed 48-bit identity,
    /// §6.1.3.4) and padding (LCID 63). The engine does no RRC, so no RRCSetup follows the CE. Returns the bytes before
    /// padding (7).
    /// </summary>
    public static int WriteContentionResolution(Span<byte> pdu, ReadOnlySpan<byte> identity)
    {
        if (identity.Length != ContentionResolutionIdentityBytes)
        {
            ThrowHelper.ThrowOutOfRange(nameof(identity), identity.Length, "6 bytes (the first 48 bits of the CCCH SDU)");
        }

        if (pdu.Length < 1 + ContentionResolutionIdentityBytes)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(pdu), pdu.Length, 1 + ContentionResolutionIdentityBytes);
        }

        pdu[0] = ContentionResolutionIdentityLcid;
        identity.CopyTo(pdu[1..]);
        if (pdu.Length > 7)
        {
            pdu[7] = PaddingLcid;
            pdu[8..].Clear();
        }

        return 7;
    }

    /// <summary>
    /// The identity of a UE Contention Resolution Identity MAC CE in a DL-SCH PDU (TS 38.321 §6.1.3.4): the MAC subPDUs
    /// are walked (R/LCID for fixed-size CEs, R/F/LCID/L for SDUs) until the CE (LCID 62) or padding; false when there is none.
    /// </summary>
    public static bool TryReadContentionResolution(ReadOnlySpan<byte> pdu, out ReadOnlySpan<byte> identity)
    {
        identity = default;
        int offset = 0;
        while (offset < pdu.Length)
        {
            int lcid = pdu[offset] & 0x3F;
            bool longLength = (pdu[offset] & 0x40) != 0;
            if (lcid == PaddingLcid)
            {
                return false;
            }

            if (lcid == ContentionResolutionIdentityLcid)
            {
                if (offset + 1 + ContentionResolutionIdentityBytes > pdu.Length)
                {
                    return false;
                }

                identity = pdu.Slice(offset + 1, ContentionResolutionIdentityBytes);
                return true;
            }

            if (lcid == TimingAdvanceCommandLcid)
            {
                offset += 2;
                continue;
            }

            if (lcid > 32 || offset + 2 >= pdu.Length)
            {
                // A CE this reader does not know the size of.
                return false;
            }

            int length = longLength ? offset + 3 <= pdu.Length ? (pdu[offset + 1] << 8) | pdu[offset + 2] : int.MaxValue / 2 : pdu[offset + 1];
            offset += (longLength ? 3 : 2) + length;
        }

        return false;
    }

    /// <summary>
    /// The RAR UL grant (TS 38.213 §8.2, Table 8.2-1): frequency hopping flag (1 bit), PUSCH frequency resource allocation
    /// (14 bits), PUSCH time resource allocation (4), MCS (4), TPC command for PUSCH (3), CSI request (1).
    /// </summary>
    public static int RarUplinkGrant(bool frequencyHopping, int frequencyAllocation, int timeAllocation, int mcs, int tpc, bool csiRequest)
    {
        ThrowHelper.ThrowIfOutside(frequencyAllocation, 0, (1 << 14) - 1);
        ThrowHelper.ThrowIfOutside(timeAllocation, 0, 15);
        ThrowHelper.ThrowIfOutside(mcs, 0, 15);
        ThrowHelper.ThrowIfOutside(tpc, 0, 7);
        return ((frequencyHopping ? 1 : 0) << 26) | (frequencyAllocation << 12) | (timeAllocation << 8) | (mcs << 4) | (tpc << 1) | (csiRequest ? 1 : 0);
    }

    /// <summary>RA-RNTI = 1 + s_id + 14·t_id + 14·80·f_id + 14·80·8·ul_carrier_id (TS 38.321 §5.1.3).</summary>
    public static int RaRnti(int firstSymbol, int slotInFrame, int frequencyIndex, int ulCarrierId = 0) =>
        1 + firstSymbol + (14 * slotInFrame) + (14 * 80 * frequencyIndex) + (14 * 80 * 8 * ulCarrierId);

    /// <summary>Fills <paramref name="bytes"/> from an xorshift64* stream seeded with <paramref name="seed"/> (test data).</summary>
    public static void FillPseudoRandom(Span<byte> bytes, ulong seed)
    {
        ulong x = seed | 1;
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[i..], x * 0x2545F4914F6CDD1DUL);
        }

        for (; i < bytes.Length; i++)
        {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            bytes[i] = (byte)((x * 0x2545F4914F6CDD1DUL) >> 56);
        }
    }
}
