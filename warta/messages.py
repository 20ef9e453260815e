"""Every message Warta says to PR staff, in Indonesian (the default) and English."""

from __future__ import annotations

DEFAULT_LANG = "id"

MESSAGES = {
    "warning_label": ("peringatan:", "warning:"),
    # unit.toml
    "unit_no_toml": (
        "folder unit ini tidak memiliki unit.toml; salin dari unit lain lalu ubah isinya",
        "this unit folder has no unit.toml; copy one from another unit and edit it",
    ),
    "toml_syntax": (
        "unit.toml tidak dapat dibaca: {detail}",
        "unit.toml cannot be read: {detail}",
    ),
    "toml_missing_key": (
        "kunci wajib '{key}' belum diisi",
        "the required key '{key}' is missing",
    ),
    "toml_unknown_key": (
        "kunci '{key}' tidak dikenal (salah ketik?); yang boleh: {allowed}",
        "unknown key '{key}' (a typo?); allowed: {allowed}",
    ),
    "toml_bad_type": (
        "'{key}' harus berupa {expected}",
        "'{key}' must be {expected}",
    ),
    "toml_bad_url": (
        "'{key}' harus alamat web lengkap seperti https://contoh.go.id, bukan '{value}'",
        "'{key}' must be a full web address such as https://example.go.id, not '{value}'",
    ),
    "toml_bad_timezone": (
        "zona waktu '{value}' tidak dikenal; gunakan Asia/Jakarta, Asia/Makassar atau Asia/Jayapura",
        "unknown timezone '{value}'; use Asia/Jakarta, Asia/Makassar or Asia/Jayapura",
    ),
    "toml_missing_file": (
        "berkas '{value}' untuk '{key}' tidak ditemukan di folder unit",
        "the file '{value}' given for '{key}' is not in the unit folder",
    ),
    # content files
    "not_utf8": (
        "berkas tidak tersimpan sebagai teks UTF-8; buka lalu simpan ulang dengan encoding UTF-8",
        "the file is not saved as UTF-8 text; open it and save it again with UTF-8 encoding",
    ),
    "empty_file": (
        "berkas kosong; isi judul, tanggal dan isi berita, atau hapus berkasnya",
        "the file is empty; write its title, date and text, or delete it",
    ),
    "missing_field": (
        "'{key}' wajib diisi; tambahkan baris '{example}' di bagian atas",
        "'{key}' is required; add the line '{example}' at the top",
    ),
    "empty_field": (
        "'{key}' ada tetapi kosong",
        "'{key}' is present but empty",
    ),
    "bad_date": (
        "tanggal '{value}' tidak dikenali; tulis YYYY-MM-DD atau YYYY-MM-DD HH:MM, misalnya 2024-11-13 10:00",
        "the date '{value}' is not understood; write YYYY-MM-DD or YYYY-MM-DD HH:MM, for example 2024-11-13 10:00",
    ),
    "impossible_date": (
        "tanggal '{value}' tidak ada di kalender",
        "the date '{value}' does not exist in the calendar",
    ),
    "bad_status": (
        "Status '{value}' tidak dikenal; gunakan 'draft' atau hapus barisnya",
        "unknown Status '{value}'; use 'draft' or remove the line",
    ),
    "bad_slug": (
        "Slug '{value}' tidak bisa dijadikan alamat; gunakan huruf kecil, angka dan tanda hubung",
        "the Slug '{value}' cannot make an address; use lower-case letters, digits and hyphens",
    ),
    "duplicate_url": (
        "alamat /{url} juga dipakai oleh {other}; ganti nama salah satu berkas atau tambahkan 'Slug:'",
        "the address /{url} is also used by {other}; rename one of the files or add 'Slug:'",
    ),
    "reserved_slug": (
        "alamat /{url} sudah dipakai oleh bagian situs; ganti nama berkas atau tambahkan 'Slug:'",
        "the address /{url} is taken by a section of the site; rename the file or add 'Slug:'",
    ),
    "unknown_key": (
        "kunci '{key}' tidak dikenal (salah ketik?) dan diabaikan",
        "unknown key '{key}' (a typo?) is ignored",
    ),
    "duplicate_key": (
        "'{key}' ditulis lebih dari sekali; hanya yang pertama dipakai",
        "'{key}' is written more than once; only the first is used",
    ),
    "outside_folder": (
        "berkas di luar folder news/, pages/, galleries/ atau images/ diabaikan",
        "a file outside news/, pages/, galleries/ or images/ is ignored",
    ),
    "pelican_error": (
        "Pelican melaporkan kesalahan: {detail}",
        "Pelican reported an error: {detail}",
    ),
    # builds
    "unit_unknown": (
        "unit '{unit}' tidak ada; unit yang ada: {units}",
        "there is no unit '{unit}'; the units are: {units}",
    ),
    "build_failed": (
        "situs {unit} GAGAL dibangun; situs lama di output/{unit}/ tidak diubah",
        "the site {unit} FAILED to build; the old site in output/{unit}/ is unchanged",
    ),
    "build_done": (
        "situs {unit} selesai dibangun ({seconds} detik)",
        "the site {unit} is built ({seconds} s)",
    ),
    "check_failed": (
        "{errors} kesalahan dan {warnings} peringatan; perbaiki kesalahan lalu coba lagi",
        "{errors} errors and {warnings} warnings; fix the errors and try again",
    ),
    "check_passed": (
        "konten lolos pemeriksaan ({warnings} peringatan)",
        "the content passes the check ({warnings} warnings)",
    ),
    # photos and galleries
    "photo_missing": (
        "foto '{file}' tidak ditemukan; periksa nama berkas dan foldernya (huruf besar/kecil berpengaruh)",
        "the photo '{file}' is not found; check the file name and its folder (letter case matters)",
    ),
    "photo_outside_unit": (
        "foto '{file}' berada di luar folder unit; simpan foto di galleries/ atau images/ unit ini",
        "the photo '{file}' is outside the unit folder; keep photos in this unit's galleries/ or images/",
    ),
    "photo_no_alt": (
        "foto '{file}' tanpa teks alternatif; tulis deskripsi foto di antara [ ], misalnya ![Peserta pelatihan](...)",
        "the photo '{file}' has no alt text; describe it between [ ], for example ![Training participants](...)",
    ),
    "photo_not_in_gallery": (
        "foto '{file}' harus berada di folder galeri ini",
        "the photo '{file}' must be in this gallery's folder",
    ),
    "photo_unlisted": (
        "foto '{file}' ada di folder tetapi tidak tercantum di index.md; foto ditampilkan di akhir tanpa keterangan",
        "the photo '{file}' is in the folder but not listed in index.md; it is shown last, without a caption",
    ),
    "photo_empty": (
        "berkas foto kosong (0 byte); unggah ulang fotonya",
        "the photo file is empty (0 bytes); upload the photo again",
    ),
    "photo_not_image": (
        "berkas ini bukan foto yang dikenali (JPEG, PNG atau WebP); unggah ulang atau hapus berkasnya",
        "this file is not a recognised photo (JPEG, PNG or WebP); upload it again or delete it",
    ),
    "photo_corrupt": (
        "foto rusak atau terpotong ({detail}); unggah ulang dari kamera atau ponsel",
        "the photo is damaged or cut short ({detail}); upload it again from the camera or phone",
    ),
    "photo_too_large": (
        "foto terlalu besar ({pixels} megapiksel, batas {limit}); perkecil fotonya lalu unggah ulang",
        "the photo is too large ({pixels} megapixels, the limit is {limit}); make it smaller and upload it again",
    ),
    "gallery_unknown": (
        "galeri '{value}' tidak ada; buat folder galleries/{value}/ dengan index.md atau perbaiki 'Gallery:'",
        "there is no gallery '{value}'; make the folder galleries/{value}/ with an index.md or correct 'Gallery:'",
    ),
    "gallery_no_index": (
        "folder galeri ini tidak punya index.md; tambahkan index.md berisi Title dan daftar foto",
        "this gallery folder has no index.md; add an index.md with a Title and the list of photos",
    ),
    "gallery_bad_name": (
        "nama folder galeri menjadi alamatnya; gunakan huruf kecil, angka dan tanda hubung, misalnya '{suggestion}'",
        "a gallery's folder name is its address; use lower-case letters, digits and hyphens, such as '{suggestion}'",
    ),
    "gallery_stray_line": (
        'baris ini bukan foto dan diabaikan; tulis satu foto per baris: ![teks alternatif](01.jpg "keterangan")',
        'this line is not a photo and is ignored; write one photo a line: ![alt text](01.jpg "caption")',
    ),
}


def message(code: str, lang: str = DEFAULT_LANG, **params) -> str:
    """The message ``code`` in ``lang`` (``id`` or ``en``) with its placeholders filled."""
    indonesian, english = MESSAGES[code]
    return (english if lang == "en" else indonesian).format(**params)
