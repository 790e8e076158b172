using System.Buffers.Binary;
using System.Text;

namespace PublicServicesBpm.Host.Features.Attachments;

/// <summary>
/// Tells a Word 97–2003 document from an Excel 97–2003 workbook: both are OLE2 compound files ([MS-CFB]) with the
/// same signature, told apart by the streams in their directory (<c>WordDocument</c>; <c>Workbook</c> or <c>Book</c>).
/// Only the header, the FAT entries of the directory chain and the directory sectors are read.
/// </summary>
internal sealed class CompoundFileInspector
{
    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;
    private const int HeaderFatSlots = 109;
    private const uint LastRegularSector = 0xFFFFFFFA;

    // Bounds every walk, so a crafted chain that loops or never ends costs a few hundred reads at most.
    private const int MaxSectorsWalked = 4096;

    private readonly Stream _file;
    private readonly byte[] _header;
    private readonly int _sectorSize;

    private CompoundFileInspector(Stream file, byte[] header, int sectorSize)
    {
        _file = file;
        _header = header;
        _sectorSize = sectorSize;
    }

    private int SlotsPerSector => _sectorSize / 4;

    public static AttachmentType? Inspect(Stream file)
    {
        var header = new byte[HeaderSize];
        file.Position = 0;
        if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
        {
            return null;
        }
        // Version 3 files use 512-byte sectors, version 4 files 4096-byte ones; nothing else exists.
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12))
        {
            return null;
        }
        var names = new CompoundFileInspector(file, header, 1 << sectorShift).DirectoryNames();
        if (names.Contains("WordDocument"))
        {
            return AttachmentType.Doc;
        }
        return names.Contains("Workbook") || names.Contains("Book") ? AttachmentType.Xls : null;
    }

    private HashSet<string> DirectoryNames()
    {
        // [MS-CFB] compares names case-insensitively.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(0x30));
        var buffer = new byte[_sectorSize];
        for (var walked = 0; sector <= LastRegularSector && walked < MaxSectorsWalked; walked++)
        {
            if (!TryReadSector(sector, buffer))
            {
                break;
            }
            for (var offset = 0; offset < _sectorSize; offset += DirectoryEntrySize)
            {
                var entry = buffer.AsSpan(offset, DirectoryEntrySize);
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                // Object types: 1 storage, 2 stream, 5 root; the name length counts its UTF-16 terminator.
                if (entry[0x42] is 1 or 2 or 5 && nameBytes is >= 2 and <= 64 && nameBytes % 2 == 0)
                {
                    names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
                }
            }
            sector = NextSector(sector);
        }
        return names;
    }

    /// <summary>The FAT entry of <paramref name="sector"/>: the next sector of its chain, or a marker past the last.</summary>
    private uint NextSector(uint sector)
    {
        var fatSector = FatSector(sector / (uint)SlotsPerSector);
        var buffer = new byte[4];
        return fatSector <= LastRegularSector && TryRead(SectorOffset(fatSector) + (sector % SlotsPerSector * 4), buffer)
            ? BinaryPrimitives.ReadUInt32LittleEndian(buffer)
            : uint.MaxValue;
    }

    /// <summary>Where the <paramref name="index"/>-th FAT sector is: the header's 109 slots, then the DIFAT chain.</summary>
    private uint FatSector(uint index)
    {
        if (index < HeaderFatSlots)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(0x4C + ((int)index * 4)));
        }
        var perDifatSector = (uint)SlotsPerSector - 1;
        var remaining = index - HeaderFatSlots;
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(0x44));
        var buffer = new byte[4];
        for (var walked = 0; difat <= LastRegularSector && walked < MaxSectorsWalked; walked++)
        {
            // The last slot of a DIFAT sector points to the next DIFAT sector.
            var slot = remaining < perDifatSector ? remaining : perDifatSector;
            if (!TryRead(SectorOffset(difat) + (slot * 4), buffer))
            {
                break;
            }
            if (remaining < perDifatSector)
            {
                return BinaryPrimitives.ReadUInt32LittleEndian(buffer);
            }
            remaining -= perDifatSector;
            difat = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        }
        return uint.MaxValue;
    }

    // The header fills sector "-1": in version 4 it is padded to a whole 4096-byte sector.
    private long SectorOffset(uint sector) => ((long)sector + 1) * _sectorSize;

    private bool TryReadSector(uint sector, byte[] buffer) => TryRead(SectorOffset(sector), buffer);

    private bool TryRead(long offset, byte[] buffer)
    {
        if (offset + buffer.Length > _file.Length)
        {
            return false;
        }
        _file.Position = offset;
        _file.ReadExactly(buffer);
        return true;
    }
}
