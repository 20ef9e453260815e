"""Every message Warta says to PR staff, in Indonesian (the default) and English."""

from __future__ import annotations

DEFAULT_LANG = "id"

MESSAGES = {
    # the web editor (warta/editor.py)
    "editor_not_installed": (
        "editor web (/admin/) diminta tetapi kodenya belum terpasang: jalankan `npm ci` di folder repositori",
        "the web editor (/admin/) is configured but its code is not installed: run `npm ci` in the repository",
    ),
    # invoke cms
    "cms_ready": (
        "editor: {editor}  (situs: {site}; setiap simpanan membangun ulang situs)  Ctrl+C untuk berhenti",
        "editor: {editor}  (site: {site}; each save rebuilds the site)  Ctrl+C to stop",
    ),
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
    "toml_logo_not_raster": (
        "logo '{value}' bukan gambar PNG, JPEG atau WebP, jadi ikon situs (favicon) memakai ikon bawaan; simpan logo"
        " sebagai PNG",
        "the logo '{value}' is not a PNG, JPEG or WebP picture, so the site's icon (favicon) is the default one;"
        " save the logo as PNG",
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
    "outside_unit": (
        "berkas ini adalah tautan (symlink) ke luar folder unit dan tidak boleh diterbitkan; salin berkasnya ke sini",
        "this file is a link (symlink) to outside the unit folder and may not be published; copy the file here",
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
    "build_done_warnings": (
        "situs {unit} selesai dibangun ({seconds} detik) dengan {warnings} peringatan di atas; baca dan perbaiki",
        "the site {unit} is built ({seconds} s) with {warnings} warnings above; read and fix them",
    ),
    "check_failed": (
        "{errors} kesalahan dan {warnings} peringatan; perbaiki kesalahan lalu coba lagi",
        "{errors} errors and {warnings} warnings; fix the errors and try again",
    ),
    "check_passed": (
        "konten lolos pemeriksaan ({warnings} peringatan)",
        "the content passes the check ({warnings} warnings)",
    ),
    # bylines
    "names_with_commas": (
        "'{key}: {value}' tampaknya berisi beberapa nama yang dipisahkan koma; pisahkan nama dengan ';' "
        "(koma hanya untuk gelar, misalnya 'Puti Chairida Anwar, S.Psi., M.Si.; Budi Santoso')",
        "'{key}: {value}' looks like several names separated by commas; separate names with ';' "
        "(commas are only for degrees, e.g. 'Puti Chairida Anwar, S.Psi., M.Si.; Budi Santoso')",
    ),
    # translations (<name>.en.md)
    "translation_without_original": (
        "terjemahan tanpa berkas asli: {original} tidak ada di folder ini; beri nama sama dengan berkas aslinya "
        "ditambah .en.md, atau hapus berkas ini",
        "a translation without its original: there is no {original} in this folder; name it after the original "
        "with .en.md, or delete this file",
    ),
    "translation_original_broken": (
        "terjemahan ini menunggu berkas aslinya {original} diperbaiki",
        "this translation waits for its original {original} to be fixed",
    ),
    "translation_keeps_original": (
        "'{key}' terjemahan selalu diambil dari berkas aslinya agar alamatnya sama; hapus baris ini",
        "a translation's '{key}' always comes from its original so that the addresses match; remove this line",
    ),
    "category_unknown": (
        "kategori '{value}' tidak ada di daftar ({known}), sehingga halaman bahasa Inggris menampilkannya dalam "
        "bahasa Indonesia; pilih salah satu dari daftar, atau tambahkan di unit.toml pada bagian [categories] baris "
        '{value} = "Nama dalam bahasa Inggris"',
        "the category '{value}' is not in the list ({known}), so English pages show it in Indonesian; choose one "
        'from the list, or add to unit.toml under [categories] the line {value} = "English name"',
    ),
    # references in content files
    "modified_before_date": (
        "Modified '{modified}' lebih awal dari Date; tanggal pembaruan harus sama atau sesudah tanggal terbit",
        "Modified '{modified}' is earlier than Date; the update must be on or after the publication date",
    ),
    "unlikely_date": (
        "tahun pada tanggal '{value}' tampaknya salah ketik; berita bertanggal masa depan baru terbit pada hari itu",
        "the year of the date '{value}' looks like a typo; an article dated in the future appears only on that day",
    ),
    # invoke publish
    "publish_build_failed": (
        "pembangunan atau pemeriksaan gagal: TIDAK ada yang diterbitkan; perbaiki kesalahan di atas lalu coba lagi",
        "the build or the check failed: NOTHING was published; fix the errors above and try again",
    ),
    "publish_same_branch": (
        "unit {units} akan diterbitkan ke cabang yang sama ({remote} {branch}); "
        "beri [publish] branch lain di unit.toml",
        "the units {units} would be published to the same branch ({remote} {branch}); "
        "give a different [publish] branch in unit.toml",
    ),
    "publish_remote_failed": (
        "remote '{remote}' tidak dapat dihubungi, tidak ada yang diterbitkan: {detail}",
        "the remote '{remote}' cannot be reached, nothing was published: {detail}",
    ),
    "publish_git_failed": (
        "'{command}' gagal, tidak ada yang diterbitkan: {detail}",
        "'{command}' failed, nothing was published: {detail}",
    ),
    "publish_ghp_failed": (
        "ghp-import tidak membuat commit di cabang {branch}, tidak ada yang diterbitkan: {detail}",
        "ghp-import made no commit on the branch {branch}, nothing was published: {detail}",
    ),
    "publish_not_built": (
        "situs {unit} belum dibangun di output/{unit}/; jalankan 'invoke preview --unit {unit}' dulu",
        "the site {unit} is not built in output/{unit}/; run 'invoke preview --unit {unit}' first",
    ),
    "publish_unchanged": (
        "{remote} {branch}: tidak ada perubahan; tidak ada commit baru",
        "{remote} {branch}: nothing changed; no new commit",
    ),
    "publish_done": (
        "diterbitkan ke {remote} {branch}: {units} (commit {commit})",
        "published to {remote} {branch}: {units} (commit {commit})",
    ),
    # unit.toml [publish]
    "toml_bad_cname": (
        "'publish.cname' harus nama domain saja, misalnya melati.kemensos.go.id, bukan '{value}'",
        "'publish.cname' must be a bare domain name such as melati.kemensos.go.id, not '{value}'",
    ),
    "toml_bad_branch": (
        "'publish.branch' harus nama cabang git tanpa spasi, misalnya gh-pages, bukan '{value}'",
        "'publish.branch' must be a git branch name without spaces, such as gh-pages, not '{value}'",
    ),
    # invoke new
    "new_exists": (
        "berkas ini sudah ada dan tidak ditimpa; pilih judul lain atau sunting berkas itu",
        "this file already exists and is not overwritten; choose another title or edit that file",
    ),
    "new_bad_title": (
        "judul '{title}' tidak bisa dijadikan nama berkas; gunakan huruf atau angka",
        "the title '{title}' cannot make a file name; use letters or digits",
    ),
    "new_no_original": (
        "berkas asli untuk diterjemahkan tidak ditemukan di folder news/, pages/ atau galleries/ unit ini",
        "the original to translate is not in this unit's news/, pages/ or galleries/ folder",
    ),
    "new_translation_of_translation": (
        "berkas ini sudah terjemahan; sebutkan berkas aslinya (tanpa .en)",
        "this file is already a translation; name its original (without .en)",
    ),
    "new_needs_title": (
        'sebutkan judulnya: --title "Judul Berita"',
        'give the title: --title "Article title"',
    ),
    "new_unit_exists": (
        "folder unit ini sudah ada; pilih nama lain",
        "this unit folder already exists; choose another name",
    ),
    "new_unit_needs": (
        'sebutkan --unit <nama-folder> --name "Nama Unit" --site-url https://alamat.go.id',
        'give --unit <folder-name> --name "Unit name" --site-url https://address.go.id',
    ),
    "new_unit_created": (
        "unit baru dibuat di {path}: lengkapi unit.toml lalu isi halaman di pages/ dan hapus 'Status: draft' "
        "dari setiap halaman yang sudah siap terbit",
        "a new unit is in {path}: complete unit.toml, then fill in the pages in pages/ and remove 'Status: draft' "
        "from each page that is ready to publish",
    ),
    "new_needs_unit": (
        "sebutkan unitnya: --unit <folder unit>; unit yang ada: {units}",
        "name the unit: --unit <unit folder>; the units are: {units}",
    ),
    "new_created": ("berkas dibuat: {path}", "file created: {path}"),
    "new_todo_article": (
        "Lengkapi lalu periksa dengan 'invoke check --unit {unit}':\n"
        '  - Place: kota tempat kegiatan (untuk baris "JAKARTA (13 November 2024) –")\n'
        "  - Category, Tags (dipisah koma), Summary (ringkasan satu kalimat)\n"
        "  - Penulis, Editor, Fotografer: nama dipisah ';' (bukan koma)\n"
        "  - Gallery / Cover bila ada foto; isi berita menggantikan teks contoh\n"
        "  - hapus baris 'Status: draft' bila berita siap terbit",
        "Fill in, then check with 'invoke check --unit {unit}':\n"
        '  - Place: the city of the event (for the line "JAKARTA (13 November 2024) –")\n'
        "  - Category, Tags (comma-separated), Summary (one sentence)\n"
        "  - Penulis (writer), Editor, Fotografer (photographer): names separated by ';' (not commas)\n"
        "  - Gallery / Cover if there are photos; the article text replaces the sample text\n"
        "  - remove the line 'Status: draft' when the article is ready to publish",
    ),
    "new_todo_gallery": (
        "Taruh foto di folder {folder}, lalu di index.md satu baris per foto:\n"
        '  ![teks alternatif](nama-foto.jpg "keterangan")\n'
        "  - teks alternatif wajib: ganti 'TULIS TEKS ALTERNATIF...' dengan isi foto untuk pembaca tunanetra\n"
        "  - lengkapi Place, Fotografer, Summary; hapus 'Status: draft' bila siap terbit\n"
        "  - periksa dengan 'invoke check --unit {unit}'",
        "Put the photos in the folder {folder}, then in index.md one line per photo:\n"
        '  ![alt text](photo-name.jpg "caption")\n'
        "  - alt text is required: replace 'TULIS TEKS ALTERNATIF...' with what the photo shows, for blind readers\n"
        "  - fill in Place, Fotografer, Summary; remove 'Status: draft' when ready to publish\n"
        "  - check with 'invoke check --unit {unit}'",
    ),
    "new_todo_translation": (
        "Terjemahkan Title, Summary dan isi ke bahasa Inggris; isi Penerjemah (nama dipisah ';').\n"
        "  Tanggal, tempat, kategori, tag, foto dan penulis diambil dari berkas asli.\n"
        "  Hapus 'Status: draft' bila terjemahan siap terbit; periksa dengan 'invoke check --unit {unit}'",
        "Translate Title, Summary and the text into English; fill in Penerjemah (translator; names separated by ';').\n"
        "  Date, place, category, tags, photos and writers come from the original.\n"
        "  Remove 'Status: draft' when the translation is ready; check with 'invoke check --unit {unit}'",
    ),
    "placeholder_left": (
        "teks contoh '{text}' belum diganti; tulis isi yang sebenarnya, atau kembalikan 'Status: draft' sampai siap",
        "the sample text '{text}' is still here; write the real text, or put back 'Status: draft' until it is ready",
    ),
    # photos and galleries
    "photo_missing": (
        "foto '{file}' tidak ditemukan; periksa nama berkas dan foldernya (huruf besar/kecil berpengaruh)",
        "the photo '{file}' is not found; check the file name and its folder (letter case matters)",
    ),
    "path_hash_in_name": (
        "'{file}' tidak ditemukan: di Markdown tanda # memulai jangkar, jadi nama berkas terbaca hanya sampai"
        " sebelum #; tulis # pada nama berkas sebagai %23 dan spasi sebagai %20, misalnya Foto%20%232.jpg,"
        " atau ganti nama berkasnya",
        "'{file}' is not found: in Markdown a # starts an anchor, so the file name is read only up to the #;"
        " write a # of the file name as %23 and a space as %20, for example Foto%20%232.jpg, or rename the file",
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
        "foto '{file}' ada di folder tetapi tidak tercantum di index.md sehingga TIDAK diterbitkan; tambahkan baris "
        '![teks alternatif]({file} "keterangan") atau hapus fotonya dari folder',
        "the photo '{file}' is in the folder but not listed in index.md, so it is NOT published; add the line "
        '![alt text]({file} "caption") or remove the photo from the folder',
    ),
    "gallery_video": (
        "video '{file}' tidak diterbitkan dari folder galeri; unggah ke kanal YouTube unit lalu tempel tautannya "
        "di berita, dan hapus berkas ini dari folder",
        "the video '{file}' is not published from a gallery folder; upload it to the unit's YouTube channel, paste "
        "its link into an article, and remove the file from this folder",
    ),
    "gallery_document": (
        "dokumen '{file}' tidak diterbitkan dari folder galeri; pindahkan ke folder documents/ unit lalu tautkan "
        "dari berita atau halaman",
        "the document '{file}' is not published from a gallery folder; move it to the unit's documents/ folder and "
        "link to it from an article or a page",
    ),
    "gallery_other_file": (
        "berkas '{file}' bukan foto (JPEG, PNG, WebP atau HEIC) dan tidak diterbitkan; hapus dari folder galeri",
        "the file '{file}' is no photo (JPEG, PNG, WebP or HEIC) and is not published; remove it from the folder",
    ),
    "gallery_external": (
        "foto '{file}' ada di situs lain; simpan fotonya di folder galeri ini lalu tulis nama berkasnya",
        "the photo '{file}' is on another site; save the photo into this gallery's folder and write its file name",
    ),
    "image_external": (
        "gambar '{file}' diambil dari situs lain dan tidak ditampilkan (situs ini hanya memuat foto miliknya); "
        "simpan fotonya di galleries/ atau images/ unit ini lalu tulis jalurnya",
        "the image '{file}' comes from another site and is not shown (this site loads only its own photos); save "
        "the photo into this unit's galleries/ or images/ and write its path",
    ),
    "image_not_photo": (
        "'{file}' bukan foto yang dapat ditampilkan ({suffixes}); ganti dengan foto, atau tautkan dokumen dengan "
        "[teks](...) tanpa tanda !",
        "'{file}' is not a photo that can be shown ({suffixes}); use a photo instead, or link a document with "
        "[text](...) without the !",
    ),
    "image_unreadable": (
        'baris ini memuat ![ tetapi bukan foto yang dapat dibaca; tulis ![teks alternatif](nama-foto.jpg "keterangan") '
        "tanpa spasi di antara ] dan (",
        'this line has ![ but no photo that can be read; write ![alt text](photo-name.jpg "caption") with no space '
        "between ] and (",
    ),
    "photo_empty": (
        "berkas foto kosong (0 byte); unggah ulang fotonya",
        "the photo file is empty (0 bytes); upload the photo again",
    ),
    "photo_not_image": (
        "berkas ini bukan foto yang dikenali (JPEG, PNG, WebP atau HEIC); unggah ulang atau hapus berkasnya",
        "this file is not a recognised photo (JPEG, PNG, WebP or HEIC); upload it again or delete it",
    ),
    "photo_corrupt": (
        "foto rusak atau terpotong ({detail}); unggah ulang dari kamera atau ponsel",
        "the photo is damaged or cut short ({detail}); upload it again from the camera or phone",
    ),
    "photo_too_large": (
        "foto {width}×{height} ({pixels} megapiksel) terlalu besar untuk dibuka dengan memori pembangunan; "
        "simpan ulang sebagai JPEG biasa (bukan progresif) atau perkecil hingga lebar 4000 piksel, lalu unggah ulang",
        "the photo {width}×{height} ({pixels} megapixels) is too large to open within the build's memory; save it "
        "again as a plain (not progressive) JPEG or shrink it to 4000 pixels wide, then upload it again",
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
        "baris ini bukan foto sehingga tidak dapat ditampilkan di galeri; tulis satu foto per baris: "
        '![teks alternatif](01.jpg "keterangan"), atau pindahkan teksnya ke Summary',
        "this line is not a photo, so the gallery cannot show it; write one photo a line: "
        '![alt text](01.jpg "caption"), or move the text into Summary',
    ),
    # links between files, documents (warta.links, warta.documents, plugins/links)
    "link_missing": (
        "tautan '{file}' menuju berkas yang tidak ada; periksa nama berkas dan foldernya dari letak berkas ini"
        " (huruf besar/kecil berpengaruh), misalnya [Profil](../../pages/profil.md)",
        "the link '{file}' leads to a file that does not exist; check the file name and its folder from where this"
        " file is (letter case matters), for example [Profile](../../pages/profil.md)",
    ),
    "link_missing_address": (
        "tautan '{url}' menuju alamat yang tidak ada di situs unit ini; tautkan berkasnya, misalnya"
        " [Judul](../2024/nama-berita.md)",
        "the link '{url}' leads to an address this unit's site does not have; link the file instead, for example"
        " [Title](../2024/article-name.md)",
    ),
    "link_outside_unit": (
        "tautan '{file}' keluar dari folder unit; tautkan hanya berkas di dalam folder unit ini",
        "the link '{file}' leaves the unit folder; link only files inside this unit's folder",
    ),
    "link_not_published": (
        "'{file}' tidak diterbitkan di situs, jadi tautannya akan rusak; simpan dokumen di documents/ dan tampilkan"
        " foto dengan ![teks alternatif](foto.jpg)",
        "'{file}' is not published on the site, so the link would be broken; put documents in documents/ and show"
        " photos with ![alt text](photo.jpg)",
    ),
    "link_unpublished": (
        "tautan '{file}' menuju draf atau berita yang belum waktunya terbit; terbitkan berkas itu dulu atau hapus"
        " tautannya",
        "the link '{file}' leads to a draft or to an item not yet due to be published; publish that file first or"
        " remove the link",
    ),
    "document_type_refused": (
        "berkas jenis '{suffix}' tidak diterbitkan dari documents/ (bisa menjalankan kode di situs atau bukan"
        " dokumen); yang diterima: {accepted}; simpan sebagai PDF, atau pindahkan foto ke galleries/ atau images/",
        "a '{suffix}' file is not published from documents/ (it could run code on the site, or is no document);"
        " accepted: {accepted}; save it as a PDF, or move photos to galleries/ or images/",
    ),
    "document_empty": (
        "dokumen ini kosong (0 bait); salin ulang berkas aslinya",
        "this document is empty (0 bytes); copy the original file again",
    ),
    "document_too_large": (
        "dokumen ini {size}, melebihi batas {limit}; perkecil (misalnya kompres PDF-nya) atau bagi menjadi beberapa"
        " berkas",
        "this document is {size}, over the limit of {limit}; make it smaller (compress the PDF, for example) or"
        " split it into several files",
    ),
    "document_same_url": (
        "dokumen ini dan '{other}' terbit di alamat yang sama /{url}; ganti nama salah satunya",
        "this document and '{other}' would be published at the same address /{url}; rename one of them",
    ),
    "document_unlinked": (
        "dokumen ini terbit di /{url} tetapi tidak ada halaman yang menautkannya; tautkan dari halaman, misalnya"
        " [Laporan Tahunan](../documents/{name}) di pages/ppid.md",
        "this document is published at /{url} but no page links to it; link it from a page, for example"
        " [Annual report](../documents/{name}) in pages/ppid.md",
    ),
    "site_broken_link": (
        "halaman {page} menautkan '{url}', yang tidak ada di situs hasil build{source}; periksa tautan di berkas itu"
        " atau laporkan ke pengembang (kesalahan templat)",
        "the page {page} links to '{url}', which the built site does not have{source}; check the links of that file"
        " or tell the developers (a template bug)",
    ),
    "site_broken_link_source": (" (berkas sumber: {path})", " (source file: {path})"),
    "site_check_failed": (
        "situs hasil build memuat {count} tautan rusak; situs lama tetap dipakai",
        "the built site has {count} broken links; the last good site stays",
    ),
    # protected people (DESIGN.md "Protected people")
    "protection_unreviewed": (
        "item ini melindungi identitas orang di dalamnya ({rule}) tetapi belum ditinjau, jadi situs TIDAK "
        "diterbitkan. Wajah di fotonya sudah disamarkan; editor memeriksa foto dan teksnya di build lokal "
        "(invoke build: nama, alamat, seragam, nomor rumah), lalu menulis baris 'Ditinjau: <nama editor>' di "
        "bagian atas berkas ini",
        "this item protects the identity of the people in it ({rule}) but has not been reviewed, so the site is "
        "NOT published. The faces in its photos are blurred; an editor checks its photos and text in a local "
        "build (invoke build: names, addresses, uniforms, house numbers), then writes the line "
        "'Reviewed: <editor's name>' at the top of this file",
    ),
    "protection_awaiting_review": (
        "menunggu tinjauan editor ({rule}): periksa foto yang wajahnya disamarkan dan teksnya, lalu tulis "
        "'Ditinjau: <nama editor>'; sebelum itu situs tidak dapat diterbitkan",
        "awaiting an editor's review ({rule}): check the photos with blurred faces and the text, then write "
        "'Reviewed: <editor's name>'; until then the site cannot be published",
    ),
}


def message(code: str, lang: str = DEFAULT_LANG, **params) -> str:
    """The message ``code`` in ``lang`` (``id`` or ``en``) with its placeholders filled."""
    indonesian, english = MESSAGES[code]
    return (english if lang == "en" else indonesian).format(**params)
