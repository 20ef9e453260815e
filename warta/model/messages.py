"""Every message Warta says to PR staff, in Indonesian (the default) and English.

Each says what is wrong, where, and what to do next, in the words of the glossary in docs/menulis.md. A text
from a library (TOML, Pillow, git, Pelican) comes only after a sentence saying what it means and whom to send it
to, marked "Pesan teknis". A text that depends on a number is a dict of CLDR plural forms (``one``, ``other``),
chosen by the language's plural rule, as the theme's catalogs do.
"""

from __future__ import annotations

from babel import Locale

from warta.model.languages import DEFAULT_LANG

TECHNICAL = "kirim pesan ini ke petugas teknis"
TECHNICAL_EN = "send this message to your technical officer"

MESSAGES = {
    "error_label": ("kesalahan:", "error:"),
    # the web editor (plugins/editor/admin.py)
    "editor_not_installed": (
        "editor web (/admin/) sudah diatur, tetapi programnya belum terpasang; jalankan 'npm ci' di folder repositori",
        "the web editor (/admin/) is configured, but its code is not installed; run 'npm ci' in the repository folder",
    ),
    # invoke cms
    "cms_ready": (
        "buka editor di {editor} (pratinjau situs: {site}; setiap kali berkas disimpan, situs dibangun ulang); tekan "
        "Ctrl+C untuk berhenti",
        "open the editor at {editor} (site preview: {site}; each save rebuilds the site); press Ctrl+C to stop",
    ),
    "warning_label": ("peringatan:", "warning:"),
    "count_errors": ("{count} kesalahan", {"one": "{count} error", "other": "{count} errors"}),
    "count_warnings": ("{count} peringatan", {"one": "{count} warning", "other": "{count} warnings"}),
    # unit.toml
    "unit_no_toml": (
        "folder unit ini tidak punya berkas unit.toml (identitas unit: nama dan alamat situsnya); salin unit.toml "
        "dari folder unit lain ke folder ini, lalu ganti isinya",
        "this unit folder has no unit.toml (the unit's identity: its name and site address); copy unit.toml from "
        "another unit's folder into this one, then change what it says",
    ),
    "toml_syntax": (
        "unit.toml tidak dapat dibaca karena ada salah ketik di sekitar baris ini (biasanya tanda kutip, tanda sama "
        "dengan, atau kurung siku yang kurang atau berlebih); bandingkan dengan unit.toml unit lain. Bila tidak "
        f"ketemu, {TECHNICAL}. Pesan teknis (TOML): {{detail}}",
        "unit.toml cannot be read because of a typing mistake near this line (usually a missing or extra quotation "
        "mark, = sign or square bracket); compare it with another unit's unit.toml. If you cannot find it, "
        f"{TECHNICAL_EN}. Technical detail (TOML): {{detail}}",
    ),
    "toml_missing_key": (
        "keterangan wajib '{key}' belum ada; tambahkan baris {key} = \"...\" di bagian atas unit.toml, sebelum "
        "baris pertama yang diawali [",
        "the required setting '{key}' is missing; add the line {key} = \"...\" at the top of unit.toml, before the "
        "first line that starts with [",
    ),
    "toml_unknown_key": (
        "keterangan '{key}' tidak dikenal (salah ketik?); perbaiki namanya atau hapus barisnya. Yang dikenal: "
        "{allowed}",
        "unknown setting '{key}' (a typo?); correct its name or delete the line. The known settings: {allowed}",
    ),
    "toml_bad_type": (
        "'{key}' ditulis dalam bentuk yang salah; tulis seperti ini: {expected}",
        "'{key}' is written in the wrong form; write it like this: {expected}",
    ),
    "toml_bad_url": (
        "'{key}' harus berupa alamat situs lengkap yang diawali https://, misalnya https://contoh.go.id, bukan "
        "'{value}'; perbaiki baris ini",
        "'{key}' must be a full web address that starts with https://, such as https://example.go.id, not "
        "'{value}'; correct this line",
    ),
    "toml_bad_timezone": (
        "zona waktu '{value}' tidak dikenal; tulis Asia/Jakarta (WIB), Asia/Makassar (WITA), atau Asia/Jayapura (WIT)",
        "unknown time zone '{value}'; write Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
    ),
    "toml_missing_file": (
        "berkas '{value}' yang disebut '{key}' tidak ada di folder unit; unggah berkasnya ke folder unit atau "
        "perbaiki namanya (huruf besar dan kecil dibedakan)",
        "the file '{value}' named by '{key}' is not in the unit folder; upload the file to the unit folder or "
        "correct its name (capital and small letters differ)",
    ),
    "toml_logo_not_raster": (
        "logo '{value}' bukan berkas PNG, JPEG, atau WebP, jadi ikon situs (favicon) memakai ikon bawaan; simpan"
        " logo sebagai PNG",
        "the logo '{value}' is not a PNG, JPEG or WebP picture, so the site's icon (favicon) is the default one;"
        " save the logo as PNG",
    ),
    # content files
    "not_utf8": (
        "berkas ini disimpan dengan pengodean huruf yang tidak dapat dibaca (bukan UTF-8) mulai baris ini; buka "
        "berkasnya di Notepad, pilih menu 'File > Save As', ubah 'Encoding' menjadi 'UTF-8', lalu simpan. Cara lain: "
        "salin isinya ke penyunting di GitHub, lalu simpan di sana",
        "this file is saved in a character encoding that cannot be read (not UTF-8) from this line on; open it in "
        "Notepad, choose the menu 'File > Save As', set 'Encoding' to 'UTF-8' and save. Or paste its text into the "
        "editor on GitHub and save it there",
    ),
    "empty_file": (
        "berkas ini kosong; tulis keterangan dan isinya (lihat contoh di docs/menulis.md), atau hapus berkasnya",
        "this file is empty; write its fields and its text (see the example in docs/menulis.md), or delete the file",
    ),
    "missing_field": (
        "keterangan '{name}' wajib ada; tambahkan baris '{example}' di bagian atas berkas, sebelum baris kosong "
        "pertama",
        "the field '{name_en}' is required; add the line '{example_en}' at the top of the file, before the first "
        "blank line",
    ),
    "required_empty": (
        "'{key}' wajib diisi, tetapi masih kosong; tulis isinya sesudah '{key}:' di baris ini",
        "'{key}' is required but empty; write it after '{key}:' on this line",
    ),
    "empty_field": (
        "'{key}' kosong sehingga tidak ada nama yang ditampilkan; tulis namanya sesudah '{key}:' atau hapus baris ini",
        "'{key}' is empty, so no name is shown; write the name after '{key}:' or delete this line",
    ),
    "bad_date": (
        "tanggal '{value}' tidak dikenali; tulis tahun-bulan-tanggal dengan angka, misalnya 2024-11-13 untuk "
        "13 November 2024, atau dengan jamnya: 2024-11-13 10:00",
        "the date '{value}' is not understood; write year-month-day in digits, such as 2024-11-13 for "
        "13 November 2024, or with the time: 2024-11-13 10:00",
    ),
    "impossible_date": (
        "tanggal '{value}' tidak ada di kalender (bulan hanya 01 sampai 12, dan tanggalnya harus ada di bulan itu); "
        "perbaiki tanggalnya",
        "the date '{value}' does not exist (months go from 01 to 12, and the day must exist in that month); "
        "correct the date",
    ),
    "bad_status": (
        "Status '{value}' tidak dikenal; tulis 'Status: draf' agar belum terbit, atau hapus baris ini agar terbit",
        "unknown Status '{value}'; write 'Status: draft' to keep it unpublished, or delete this line to publish it",
    ),
    "bad_slug": (
        "Slug '{value}' tidak dapat dijadikan alamat halaman; tulis huruf kecil, angka, dan tanda hubung saja "
        "(misalnya rapat-kerja-2024), atau hapus baris ini agar alamatnya diambil dari nama berkas",
        "the Slug '{value}' cannot make a page address; write only small letters, digits and hyphens (such as "
        "rapat-kerja-2024), or delete this line to take the address from the file name",
    ),
    "duplicate_url": (
        "alamat halaman /{url} juga dipakai oleh {other}, padahal setiap halaman perlu alamat sendiri; di berkas "
        "yang belum terbit, tambahkan baris 'Slug: alamat-lain' di bagian atas, misalnya 'Slug: rapat-kerja-2', "
        "dan jangan ganti nama berkas yang sudah terbit",
        "the page address /{url} is also used by {other}, and each page needs its own; in the file that is not "
        "published yet, add a line 'Slug: another-address' at the top, such as 'Slug: rapat-kerja-2', and do not "
        "rename a file that is already published",
    ),
    "reserved_slug": (
        "alamat halaman /{url} sudah dipakai oleh bagian situs (seperti /berita/ atau /galeri/); tambahkan baris "
        "'Slug: alamat-lain' di bagian atas berkas ini, misalnya 'Slug: info-berita'",
        "the page address /{url} belongs to a section of the site (such as /berita/ or /galeri/); add a line "
        "'Slug: another-address' at the top of this file, such as 'Slug: info-berita'",
    ),
    "unknown_key": (
        "keterangan '{key}' tidak dikenal (salah ketik?) sehingga diabaikan; perbaiki namanya (daftarnya ada di "
        "docs/menulis.md) atau hapus baris ini",
        "unknown field '{key}' (a typo?) is ignored; correct its name (the list is in docs/menulis.md) or delete "
        "this line",
    ),
    "duplicate_key": (
        "'{key}' ditulis lebih dari sekali dan hanya baris pertama yang dipakai; hapus baris ini atau baris yang "
        "pertama",
        "'{key}' is written more than once and only the first line is used; delete this line or the first one",
    ),
    "two_key_names": (
        "'{key}' dan '{other}' (baris {other_line}) adalah keterangan yang sama dengan dua nama; hapus salah satu "
        "barisnya",
        "'{key}' and '{other}' (line {other_line}) are one field written under two names; delete one of the lines",
    ),
    "outside_folder": (
        "berkas di luar folder news/, pages/, galleries/, dan images/ tidak diterbitkan; pindahkan berkasnya ke "
        "salah satu folder itu, atau hapus berkasnya",
        "a file outside the folders news/, pages/, galleries/ and images/ is not published; move it into one of "
        "those folders, or delete it",
    ),
    "outside_unit": (
        "berkas ini adalah pintasan (symlink) ke tempat di luar folder unit sehingga tidak diterbitkan; ganti "
        "pintasan ini dengan salinan berkas aslinya",
        "this file is a shortcut (symlink) to a place outside the unit folder, so it is not published; replace the "
        "shortcut with a copy of the real file",
    ),
    "pelican_error": (
        "pembangun situs (Pelican) tidak dapat membaca berkas ini karena sebab yang tidak dikenali Warta; pesan "
        "teknisnya ada di atas. Periksa keterangan dan isi berkas ini; bila tidak ketemu, kirim pesan ini beserta "
        "berkasnya ke petugas teknis",
        "the site builder (Pelican) could not read this file for a reason Warta does not recognise; its technical "
        "message is above. Check the fields and the text of this file; if you cannot find the cause, send this "
        "message and the file to your technical officer",
    ),
    # builds
    "unit_unknown": (
        "unit '{unit}' tidak ada; tulis nama folder salah satu unit di content/: {units}",
        "there is no unit '{unit}'; write the folder name of one of the units in content/: {units}",
    ),
    "build_failed": (
        "situs {unit} GAGAL dibangun, jadi situs lama di output/{unit}/ tetap dipakai; perbaiki kesalahan di "
        "berkas yang disebut di atas, lalu bangun lagi",
        "the site {unit} FAILED to build, so the old site in output/{unit}/ is kept; fix the errors in the files "
        "named above, then build again",
    ),
    "build_log": (
        "pembangun situs (Pelican) berhenti dengan pesan teknis di bawah ini; perbaiki berkas dan baris yang "
        f"disebutnya, atau bila tidak ada yang disebut, {TECHNICAL}. Pesan teknis (Pelican):",
        "the site builder (Pelican) stopped with the technical message below; fix the file and line it names, or "
        f"if it names none, {TECHNICAL_EN}. Technical detail (Pelican):",
    ),
    "build_done": (
        "situs {unit} selesai dibangun di output/{unit}/ ({seconds} detik)",
        "the site {unit} is built in output/{unit}/ ({seconds} s)",
    ),
    "builds_took": (
        "semua situs selesai dibangun di output/ dalam {seconds} detik",
        "every site is built in output/ in {seconds} s",
    ),
    "serving": (
        "buka {url} di peramban untuk melihat pratinjau; tekan Ctrl+C untuk berhenti",
        "open {url} in a browser to see the preview; press Ctrl+C to stop",
    ),
    # invoke livereload (warta/preview.py)
    "preview_failed": (
        "pratinjau {unit} belum bisa memuat perubahan terakhir, jadi halaman yang tampil adalah versi baik "
        "sebelumnya; perbaiki berkas dan baris yang disebut, lalu simpan lagi: pratinjau diperbarui sendiri",
        "the preview of {unit} cannot show the last change yet, so the pages shown are the last good version; fix "
        "the file and line named, then save again: the preview updates by itself",
    ),
    "preview_refreshed": (
        "pratinjau {unit} diperbarui dalam {seconds} detik",
        "the preview of {unit} updated in {seconds} s",
    ),
    "preview_search_missing": (
        "pratinjau ini belum punya indeks pencarian, jadi pencarian tidak menemukan apa-apa; jalankan "
        "'invoke build --unit {unit}' untuk membuatnya",
        "this preview has no search index yet, so search finds nothing; run 'invoke build --unit {unit}' to make it",
    ),
    "preview_search_stale": (
        "indeks pencarian dibuat sebelum perubahan terakhir di pratinjau ini, jadi hasil pencarian bisa belum "
        "memuat perubahan itu; jalankan 'invoke build --unit {unit}' untuk memperbaruinya",
        "the search index was made before the last change in this preview, so search results may not include it "
        "yet; run 'invoke build --unit {unit}' to update it",
    ),
    "port_busy": (
        "port {port} sudah dipakai program lain, jadi pratinjau dibuka di {url}; buka alamat itu di peramban",
        "port {port} is already used by another program, so the preview opens at {url}; open that address in a browser",
    ),
    "port_none_free": (
        "port {first} sampai {last} di {url} semuanya dipakai program lain; tutup program itu atau pilih port lain "
        "dengan '--port'",
        "ports {first} to {last} at {url} are all used by other programs; close one of them or choose another port "
        "with '--port'",
    ),
    "search_empty": (
        "situs {unit} belum punya halaman berisi teks, jadi indeks pencarian belum dibuat dan halaman /cari/ belum "
        "menemukan apa pun; tulis berita atau halaman pertama, lalu bangun lagi",
        "the site {unit} has no page with text yet, so no search index is made and the page /cari/ finds nothing; "
        "write the first article or page, then build again",
    ),
    "search_failed": (
        "indeks pencarian situs {unit} untuk bahasa '{language}' tidak dapat dibuat, jadi halaman /cari/ belum "
        f"bekerja; bangun lagi, dan bila tetap gagal, {TECHNICAL}. Pesan teknis (Pagefind): {{detail}}",
        "the search index of the site {unit} for the language '{language}' cannot be made, so the page /cari/ does "
        f"not work yet; build again, and if it still fails, {TECHNICAL_EN}. Technical detail (Pagefind): {{detail}}",
    ),
    "jobs_not_a_number": (
        "variabel lingkungan {name}={value} (di terminal atau di berkas alur kerja CI) bukan angka, jadi dipakai satu "
        "proses per inti prosesor; tulis angka, misalnya {name}=2, atau hapus variabelnya",
        "the environment variable {name}={value} (in the terminal or in the CI workflow file) is not a number, so one "
        "process per processor core is used; write a number, such as {name}=2, or remove the variable",
    ),
    "build_done_warnings": (
        "situs {unit} selesai dibangun di output/{unit}/ ({seconds} detik) dengan {warnings} di atas; baca dan "
        "perbaiki berkas yang disebutnya",
        "the site {unit} is built in output/{unit}/ ({seconds} s) with {warnings} above; read them and fix the "
        "files they name",
    ),
    "check_failed": (
        "{errors} dan {warnings}; perbaiki setiap kesalahan di berkas dan baris yang disebut (angka sesudah nama "
        "berkas adalah nomor barisnya), lalu periksa lagi",
        "{errors} and {warnings}; fix each error in the file and on the line named (the number after the file "
        "name is its line number), then check again",
    ),
    "check_passed": (
        "isi folder content/ lolos pemeriksaan ({warnings}); lihat pratinjaunya dengan 'invoke livereload'",
        "the content in content/ passes the check ({warnings}); see the preview with 'invoke livereload'",
    ),
    # bylines
    "names_with_commas": (
        "'{key}: {value}' tampaknya berisi beberapa nama yang dipisahkan koma; pisahkan nama dengan titik koma ';' "
        "(koma hanya untuk gelar), misalnya 'Puti Chairida Anwar, S.Psi., M.Si.; Budi Santoso'",
        "'{key}: {value}' looks like several names separated by commas; separate names with a semicolon ';' "
        "(commas are only for degrees), such as 'Puti Chairida Anwar, S.Psi., M.Si.; Budi Santoso'",
    ),
    # translations (<name>.en.md)
    "translation_without_original": (
        "terjemahan ini tidak punya berkas asli: {original} tidak ada di folder ini; beri berkas ini nama berkas "
        "aslinya ditambah .en (rapat.md → rapat.en.md), atau hapus berkas ini",
        "this translation has no original: there is no {original} in this folder; name this file after the "
        "original with .en added (rapat.md → rapat.en.md), or delete it",
    ),
    "translation_original_broken": (
        "terjemahan ini belum dapat terbit karena berkas aslinya, {original}, masih salah; perbaiki dulu kesalahan "
        "di {original}",
        "this translation cannot be published until its original, {original}, is right; fix the errors in "
        "{original} first",
    ),
    "translation_keeps_original": (
        "'{key}' pada terjemahan selalu diambil dari berkas aslinya agar alamat halamannya sama; hapus baris ini",
        "a translation's '{key}' always comes from its original, so that both have the same page address; delete "
        "this line",
    ),
    "category_unknown": (
        "kategori '{value}' tidak ada di daftar ({known}), jadi halaman bahasa Inggris menampilkannya dalam bahasa "
        'Indonesia; pilih salah satu dari daftar, atau tambahkan baris {value} = "Nama dalam bahasa Inggris" di '
        "unit.toml pada bagian '[categories]'",
        "the category '{value}' is not in the list ({known}), so English pages show it in Indonesian; choose one "
        "from the list, or add the line {value} = \"English name\" to unit.toml under '[categories]'",
    ),
    # dates that exist but cannot be right
    "modified_before_date": (
        "tanggal pembaruan '{modified}' lebih awal daripada tanggal terbitnya; perbaiki salah satunya (tanggal "
        "pembaruan harus sama dengan atau sesudah tanggal terbit)",
        "the update date '{modified}' is earlier than the publication date; correct one of them (an update is on "
        "or after the publication date)",
    ),
    "unlikely_date": (
        "tahun pada tanggal '{value}' tampaknya salah ketik; periksa tahunnya (berita bertanggal masa depan baru "
        "terbit pada hari itu)",
        "the year of the date '{value}' looks like a typo; check the year (an article dated in the future is "
        "published only on that day)",
    ),
    # invoke publish
    "publish_build_failed": (
        "pembangunan atau pemeriksaan gagal, jadi TIDAK ada yang diterbitkan; perbaiki kesalahan di berkas yang "
        "disebut di atas, lalu terbitkan lagi",
        "the build or the check failed, so NOTHING was published; fix the errors in the files named above, then "
        "publish again",
    ),
    "publish_same_branch": (
        "unit {units} akan diterbitkan ke cabang yang sama ({remote} {branch}) dan saling menimpa; di unit.toml "
        "salah satunya, tulis nama cabang lain di bagian '[publish]', misalnya branch = \"situs-unit\"",
        "the units {units} would be published to the same branch ({remote} {branch}) and overwrite each other; in "
        "the unit.toml of one of them, give another branch under '[publish]', such as branch = \"unit-site\"",
    ),
    "publish_remote_failed": (
        "repositori tujuan '{remote}' tidak dapat dihubungi, jadi tidak ada yang diterbitkan; periksa sambungan "
        f"internet, lalu coba lagi. Bila tetap gagal, {TECHNICAL}. Pesan teknis (git): {{detail}}",
        "the destination repository '{remote}' cannot be reached, so nothing was published; check the internet "
        f"connection and try again. If it still fails, {TECHNICAL_EN}. Technical detail (git): {{detail}}",
    ),
    "publish_git_failed": (
        "perintah '{command}' gagal di repositori ini, jadi tidak ada yang diterbitkan; coba lagi, dan bila tetap "
        f"gagal, {TECHNICAL}. Pesan teknis (git): {{detail}}",
        "the command '{command}' failed in this repository, so nothing was published; try again, and if it still "
        f"fails, {TECHNICAL_EN}. Technical detail (git): {{detail}}",
    ),
    "publish_ghp_failed": (
        f"ghp-import tidak membuat commit di cabang {{branch}}, jadi tidak ada yang diterbitkan; {TECHNICAL}. "
        "Pesan teknis (ghp-import): {detail}",
        f"ghp-import made no commit on the branch {{branch}}, so nothing was published; {TECHNICAL_EN}. "
        "Technical detail (ghp-import): {detail}",
    ),
    "publish_not_built": (
        "situs {unit} belum dibangun di output/{unit}/; jalankan 'invoke preview --unit {unit}' dulu, lalu "
        "terbitkan lagi",
        "the site {unit} is not built in output/{unit}/; run 'invoke preview --unit {unit}' first, then publish again",
    ),
    "publish_unchanged": (
        "{remote} {branch}: tidak ada yang berubah sejak terbitan terakhir, jadi tidak ada commit baru",
        "{remote} {branch}: nothing has changed since the last publication, so there is no new commit",
    ),
    "publish_done": (
        "terbit di {remote} {branch}: {units} (commit {commit})",
        "published to {remote} {branch}: {units} (commit {commit})",
    ),
    # unit.toml [publish]
    "toml_bad_cname": (
        "'publish.cname' harus berupa nama domain saja, misalnya melati.kemensos.go.id, bukan '{value}'; perbaiki "
        "baris ini",
        "'publish.cname' must be a bare domain name such as melati.kemensos.go.id, not '{value}'; correct this line",
    ),
    "toml_bad_branch": (
        "'publish.branch' harus berupa nama cabang git tanpa spasi, misalnya gh-pages, bukan '{value}'; perbaiki "
        "baris ini",
        "'publish.branch' must be a git branch name without spaces, such as gh-pages, not '{value}'; correct this line",
    ),
    # invoke new
    "new_exists": (
        "berkas ini sudah ada dan tidak ditimpa; pilih judul lain, atau sunting berkas yang sudah ada itu",
        "this file already exists and is not overwritten; choose another title, or edit the file that is there",
    ),
    "new_bad_title": (
        "judul '{title}' tidak dapat dijadikan nama berkas karena tidak berisi huruf atau angka; tulis judul yang "
        "berisi huruf atau angka",
        "the title '{title}' cannot make a file name because it has no letter or digit; write a title with "
        "letters or digits",
    ),
    "new_no_original": (
        "berkas asli yang akan diterjemahkan tidak ada di folder news/, pages/, atau galleries/ unit ini; periksa "
        "letak berkas sesudah --of, misalnya --of content/balai-melati/news/2024/rapat.md",
        "the original to translate is not in this unit's news/, pages/ or galleries/ folder; check the path "
        "after --of, such as --of content/balai-melati/news/2024/rapat.md",
    ),
    "new_translation_of_translation": (
        "berkas ini sudah berupa terjemahan; sesudah --of, sebutkan berkas aslinya (tanpa .en)",
        "this file is already a translation; after --of, name its original (without .en)",
    ),
    "new_needs_title": (
        'perintah ini perlu judul; tambahkan --title "Judul Berita" ke perintahnya',
        'the command needs a title; add --title "Article Title" to it',
    ),
    "new_unit_exists": (
        "folder unit ini sudah ada; pilih nama folder lain untuk --unit",
        "this unit folder already exists; choose another folder name for --unit",
    ),
    "new_unit_needs": (
        'perintah ini perlu tiga hal; tulis --unit nama-folder --name "Nama Unit" --site-url https://alamat.go.id',
        'the command needs three things; write --unit folder-name --name "Unit Name" --site-url https://address.go.id',
    ),
    "new_unit_created": (
        "unit baru dibuat di folder {path}: lengkapi unit.toml, isi halaman di pages/, lalu hapus baris "
        "'Status: draf' dari setiap halaman yang sudah siap terbit",
        "a new unit is in the folder {path}: complete unit.toml, fill in the pages in pages/, then delete the line "
        "'Status: draf' from each page that is ready to publish",
    ),
    "new_needs_unit": (
        "perintah ini perlu nama unit; tambahkan --unit dengan nama folder salah satu unit: {units}",
        "the command needs a unit; add --unit with the folder name of one of the units: {units}",
    ),
    "new_created": ("berkas dibuat: {path}", "file created: {path}"),
    "new_todo_article": (
        "Lengkapi berkas itu, lalu periksa dengan 'invoke check --unit {unit}':\n"
        '  - Tempat: kota tempat kegiatan (untuk baris "JAKARTA (13 November 2024) –")\n'
        "  - Kategori, Tag (dipisahkan koma), Ringkasan (satu kalimat)\n"
        "  - Penulis, Editor, Fotografer: nama dipisahkan titik koma ';', bukan koma\n"
        "  - Galeri dan Sampul bila ada foto; isi berita menggantikan teks contoh\n"
        "  - hapus baris 'Status: draf' bila berita siap terbit",
        "Fill in the file, then check it with 'invoke check --unit {unit}':\n"
        '  - Tempat (place): the city of the event (for the line "JAKARTA (13 November 2024) –")\n'
        "  - Kategori (category), Tag (tags, separated by commas), Ringkasan (summary, one sentence)\n"
        "  - Penulis (writer), Editor, Fotografer (photographer): names separated by semicolons ';', not commas\n"
        "  - Galeri (gallery) and Sampul (cover) if there are photos; write the article in place of the sample text\n"
        "  - delete the line 'Status: draf' when the article is ready to publish",
    ),
    "new_todo_gallery": (
        "Unggah foto ke folder {folder}, lalu di index.md tulis satu baris per foto:\n"
        '  ![teks alternatif](nama-foto.jpg "keterangan foto")\n'
        "  - teks alternatif wajib: ganti 'TULIS TEKS ALTERNATIF...' dengan isi foto untuk pembaca dengan "
        "disabilitas netra\n"
        "  - lengkapi Tempat, Fotografer, dan Ringkasan; hapus baris 'Status: draf' bila galeri siap terbit\n"
        "  - periksa dengan 'invoke check --unit {unit}'",
        "Upload the photos to the folder {folder}, then in index.md write one line per photo:\n"
        '  ![alt text](photo-name.jpg "caption")\n'
        "  - the alt text is required: replace 'TULIS TEKS ALTERNATIF...' with what the photo shows, for blind and "
        "partially sighted readers\n"
        "  - fill in Tempat (place), Fotografer (photographer) and Ringkasan (summary); delete the line "
        "'Status: draf' when the gallery is ready to publish\n"
        "  - check it with 'invoke check --unit {unit}'",
    ),
    "new_todo_translation": (
        "Terjemahkan Judul, Ringkasan, dan isinya ke bahasa Inggris; isi Penerjemah (nama dipisahkan titik koma ';').\n"
        "  Tanggal, tempat, kategori, tag, foto, dan penulis diambil dari berkas asli.\n"
        "  Hapus baris 'Status: draf' bila terjemahan siap terbit; periksa dengan 'invoke check --unit {unit}'",
        "Translate Judul (title), Ringkasan (summary) and the text into English; fill in Penerjemah (translator; "
        "names separated by semicolons ';').\n"
        "  The date, place, category, tags, photos and writers come from the original.\n"
        "  Delete the line 'Status: draf' when the translation is ready; check it with 'invoke check --unit {unit}'",
    ),
    "placeholder_left": (
        "teks contoh '{text}' belum diganti; tulis isi yang sebenarnya, atau kembalikan baris 'Status: draf' sampai "
        "berkasnya siap",
        "the sample text '{text}' is still here; write the real text, or put back the line 'Status: draf' until the "
        "file is ready",
    ),
    # photos and galleries
    "photo_missing": (
        "foto '{file}' tidak ditemukan; periksa nama berkas dan foldernya (huruf besar dan kecil dibedakan: "
        "01.JPG tidak sama dengan 01.jpg), lalu perbaiki tulisannya atau unggah fotonya",
        "the photo '{file}' is not found; check the file name and its folder (capital and small letters differ: "
        "01.JPG is not 01.jpg), then correct what is written or upload the photo",
    ),
    "path_hash_in_name": (
        "'{file}' tidak ditemukan: di Markdown tanda # memulai jangkar, jadi nama berkas terbaca hanya sampai"
        " sebelum #; tulis # pada nama berkas sebagai %23 dan spasi sebagai %20, misalnya Foto%20%232.jpg,"
        " atau ganti nama berkasnya",
        "'{file}' is not found: in Markdown a # starts an anchor, so the file name is read only up to the #;"
        " write a # of the file name as %23 and a space as %20, for example Foto%20%232.jpg, or rename the file",
    ),
    "photo_outside_unit": (
        "foto '{file}' berada di luar folder unit; unggah fotonya ke folder galleries/ atau images/ unit ini, lalu "
        "perbaiki tulisannya",
        "the photo '{file}' is outside the unit folder; upload it to this unit's galleries/ or images/ folder, then "
        "correct what is written",
    ),
    "photo_no_alt": (
        "foto '{file}' tidak punya teks alternatif; di antara [ ], tulis apa yang tampak di foto, misalnya "
        "![Peserta pelatihan menyimak materi](...)",
        "the photo '{file}' has no alt text; between [ ], write what the photo shows, such as "
        "![Participants listening to a talk](...)",
    ),
    "photo_not_in_gallery": (
        "foto '{file}' tidak berada di folder galeri ini; unggah fotonya ke folder ini, atau hapus barisnya",
        "the photo '{file}' is not in this gallery's folder; upload it to this folder, or delete the line",
    ),
    "photo_unlisted": (
        "foto '{file}' ada di folder, tetapi tidak tercantum di index.md, jadi TIDAK diterbitkan; tambahkan baris "
        '![teks alternatif]({file} "keterangan foto") atau hapus fotonya dari folder',
        "the photo '{file}' is in the folder but not listed in index.md, so it is NOT published; add a line "
        '![alt text]({file} "caption") or delete the photo from the folder',
    ),
    "gallery_video": (
        "video '{file}' tidak diterbitkan dari folder galeri; unggah ke kanal YouTube unit, tempel tautannya di "
        "berita, lalu hapus berkas ini dari folder",
        "the video '{file}' is not published from a gallery folder; upload it to the unit's YouTube channel, paste "
        "its link into an article, and delete the file from this folder",
    ),
    "gallery_document": (
        "dokumen '{file}' tidak diterbitkan dari folder galeri; pindahkan ke folder documents/ unit, lalu tautkan "
        "dari berita atau halaman",
        "the document '{file}' is not published from a gallery folder; move it to the unit's documents/ folder and "
        "link to it from an article or a page",
    ),
    "gallery_other_file": (
        "berkas '{file}' bukan foto (JPEG, PNG, WebP, atau HEIC) sehingga tidak diterbitkan; hapus dari folder galeri",
        "the file '{file}' is not a photo (JPEG, PNG, WebP or HEIC), so it is not published; delete it from the "
        "gallery folder",
    ),
    "gallery_external": (
        "foto '{file}' ada di situs lain; unggah fotonya ke folder galeri ini, lalu tulis nama berkasnya",
        "the photo '{file}' is on another site; upload the photo to this gallery's folder, then write its file name",
    ),
    "image_external": (
        "foto '{file}' diambil dari situs lain sehingga tidak ditampilkan (situs ini hanya memuat fotonya sendiri); "
        "unggah fotonya ke galleries/ atau images/ unit ini, lalu tulis letaknya",
        "the picture '{file}' comes from another site, so it is not shown (this site loads only its own photos); "
        "upload the photo to this unit's galleries/ or images/, then write where it is",
    ),
    "image_not_photo": (
        "'{file}' bukan foto yang dapat ditampilkan ({suffixes}); ganti dengan foto, atau tautkan dokumen dengan "
        "[teks](...) tanpa tanda !",
        "'{file}' is not a photo that can be shown ({suffixes}); use a photo instead, or link a document with "
        "[text](...) without the !",
    ),
    "image_unreadable": (
        "baris ini memuat ![ tetapi bukan foto yang dapat dibaca; tulis "
        '![teks alternatif](nama-foto.jpg "keterangan foto") tanpa spasi di antara ] dan (',
        'this line has ![ but no photo that can be read; write ![alt text](photo-name.jpg "caption") with no space '
        "between ] and (",
    ),
    "photo_empty": (
        "berkas foto ini kosong (0 byte), biasanya karena unggahannya terputus; unggah ulang fotonya",
        "this photo file is empty (0 bytes), usually because its upload was cut off; upload the photo again",
    ),
    "photo_not_image": (
        "berkas ini bukan foto yang dapat dibaca (JPEG, PNG, WebP, atau HEIC); unggah ulang fotonya dalam salah satu "
        "format itu, atau hapus berkasnya",
        "this file is not a photo that can be read (JPEG, PNG, WebP or HEIC); upload the photo again in one of those "
        "formats, or delete the file",
    ),
    "photo_corrupt": (
        "foto ini rusak atau terpotong, biasanya karena unggahannya terputus; unggah ulang dari kamera atau ponsel. "
        f"Bila tetap gagal, {TECHNICAL}. Pesan teknis (Pillow): {{detail}}",
        "this photo is damaged or cut short, usually because its upload was cut off; upload it again from the "
        f"camera or phone. If it still fails, {TECHNICAL_EN}. Technical detail (Pillow): {{detail}}",
    ),
    "photo_too_large": (
        "foto {width}×{height} ({pixels} megapiksel) terlalu besar untuk dibuka dengan memori pembangunan situs; "
        "simpan ulang sebagai JPEG biasa (bukan progresif) atau perkecil hingga lebar 4000 piksel (misalnya di "
        "Paint: Ubah Ukuran), lalu unggah ulang",
        "the photo {width}×{height} ({pixels} megapixels) is too large to open within the build's memory; save it "
        "again as a plain (not progressive) JPEG or shrink it to 4000 pixels wide (such as in Paint: Resize), then "
        "upload it again",
    ),
    "gallery_unknown": (
        "galeri '{value}' tidak ada; perbaiki nama sesudah '{key}:' agar sama dengan nama folder di galleries/, "
        "atau buat folder galleries/{value}/ berisi index.md",
        "there is no gallery '{value}'; correct the name after '{key}:' to match a folder in galleries/, or make "
        "the folder galleries/{value}/ with an index.md",
    ),
    "gallery_no_index": (
        "folder galeri ini tidak punya index.md sehingga fotonya tidak terbit; buat index.md di folder ini berisi "
        "Judul dan satu baris per foto (lihat docs/menulis.md)",
        "this gallery folder has no index.md, so its photos are not published; make an index.md in this folder "
        "with a Judul (title) and one line per photo (see docs/menulis.md)",
    ),
    "gallery_bad_name": (
        "nama folder galeri menjadi alamat halamannya, jadi hanya boleh berisi huruf kecil, angka, dan tanda "
        "hubung; ganti nama foldernya menjadi '{suggestion}'",
        "a gallery's folder name becomes its page address, so it may hold only small letters, digits and hyphens; "
        "rename the folder to '{suggestion}'",
    ),
    "gallery_stray_line": (
        "baris ini bukan foto sehingga tidak dapat ditampilkan di galeri; tulis satu foto per baris, seperti "
        '![teks alternatif](01.jpg "keterangan foto"), atau pindahkan teksnya ke Ringkasan',
        "this line is not a photo, so the gallery cannot show it; write one photo per line, such as "
        '![alt text](01.jpg "caption"), or move the text into Ringkasan (the summary)',
    ),
    # links between files, documents (warta.model.links, warta.model.documents, plugins/links)
    "link_missing": (
        "tautan '{file}' menuju berkas yang tidak ada; periksa nama berkas dan foldernya dari letak berkas ini"
        " (huruf besar dan kecil dibedakan), misalnya [Profil](../../pages/profil.md)",
        "the link '{file}' leads to a file that does not exist; check the file name and its folder from where this"
        " file is (capital and small letters differ), for example [Profile](../../pages/profil.md)",
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
        "berkas jenis '{suffix}' tidak diterbitkan dari documents/ (dapat menjalankan kode di situs atau bukan"
        " dokumen); yang diterima: {accepted}; simpan sebagai PDF, atau pindahkan foto ke galleries/ atau images/",
        "a '{suffix}' file is not published from documents/ (it could run code on the site, or is no document);"
        " accepted: {accepted}; save it as a PDF, or move photos to galleries/ or images/",
    ),
    "document_empty": (
        "dokumen ini kosong (0 byte), biasanya karena unggahannya terputus; unggah ulang berkas aslinya",
        "this document is empty (0 bytes), usually because its upload was cut off; upload the original file again",
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
        "halaman {page} menautkan '{url}', yang tidak ada di situs yang dibangun{source}; perbaiki tautan di berkas"
        f" itu, atau bila tautannya tidak ada di berkas mana pun (kesalahan templat), {TECHNICAL}",
        "the page {page} links to '{url}', which the built site does not have{source}; fix the link in that file,"
        f" or if no file has that link (a template bug), {TECHNICAL_EN}",
    ),
    "site_broken_link_source": (" (berkas sumber: {path})", " (source file: {path})"),
    "site_check_failed": (
        "situs yang dibangun memuat {count} tautan rusak, jadi situs lama tetap dipakai; perbaiki tautan di berkas yang"
        " disebut di bawah, lalu bangun lagi",
        {
            "one": "the built site has {count} broken link, so the last good site is kept; fix the link in the file"
            " named below, then build again",
            "other": "the built site has {count} broken links, so the last good site is kept; fix the links in the"
            " files named below, then build again",
        },
    ),
    # protected people (DESIGN.md "Protected people")
    "protection_unreviewed": (
        "berkas ini melindungi identitas orang di dalamnya ({rule}), tetapi belum ditinjau, jadi situs TIDAK "
        "diterbitkan. Wajah di fotonya sudah disamarkan; periksa foto dan teksnya di pratinjau (nama, alamat, "
        "seragam, nomor rumah), lalu tulis baris 'Ditinjau: <nama editor>' di bagian atas berkas ini",
        "this file protects the identity of the people in it ({rule}) but has not been reviewed, so the site is "
        "NOT published. The faces in its photos are blurred; check its photos and text in the preview (names, "
        "addresses, uniforms, house numbers), then write the line 'Reviewed: <editor's name>' at the top of this "
        "file",
    ),
    "protection_awaiting_review": (
        "menunggu tinjauan editor ({rule}): periksa foto yang wajahnya disamarkan dan teksnya, lalu tulis "
        "'Ditinjau: <nama editor>'; sebelum itu situs tidak dapat diterbitkan",
        "awaiting an editor's review ({rule}): check the photos with blurred faces and the text, then write "
        "'Reviewed: <editor's name>'; until then the site cannot be published",
    ),
}
# Said on their own, not as ``path:line: ...`` of a problem: the place is in their text.
STANDALONE = {
    "unit_unknown",
    "build_failed",
    "build_log",
    "build_done",
    "build_done_warnings",
    "builds_took",
    "serving",
    "preview_failed",
    "preview_refreshed",
    "preview_search_missing",
    "preview_search_stale",
    "port_busy",
    "port_none_free",
    "check_failed",
    "check_passed",
    "search_empty",
    "search_failed",
    "jobs_not_a_number",
    "editor_not_installed",
    "cms_ready",
    "site_broken_link",
    "site_check_failed",
    "publish_build_failed",
    "publish_same_branch",
    "publish_remote_failed",
    "publish_git_failed",
    "publish_ghp_failed",
    "publish_not_built",
    "publish_unchanged",
    "publish_done",
    "new_unit_needs",
    "new_unit_created",
    "new_needs_unit",
    "new_created",
    "new_todo_article",
    "new_todo_gallery",
    "new_todo_translation",
}
# Reports that something went well: a place, no next step needed.
NOTICES = {"build_done", "preview_refreshed", "builds_took", "new_created", "publish_done", "publish_unchanged"}
# Pieces of other messages, never said alone.
FRAGMENTS = {"error_label", "warning_label", "count_errors", "count_warnings", "site_broken_link_source"}


def message(code: str, lang: str = DEFAULT_LANG, **params) -> str:
    """The message ``code`` in ``lang`` (``id`` or ``en``) with its placeholders filled.

    A text with plural forms takes the form for ``params["count"]`` by the language's plural rule.
    """
    indonesian, english = MESSAGES[code]
    text = english if lang == "en" else indonesian
    if isinstance(text, dict):
        text = text[Locale.parse(lang).plural_form(params["count"])]
    return text.format(**params)


def labelled(code: str, lang: str = DEFAULT_LANG, warning: bool = False, **params) -> str:
    """The message with its label in front: ``kesalahan: ...`` or ``peringatan: ...``."""
    label = message("warning_label" if warning else "error_label", lang)
    return f"{label} {message(code, lang, **params)}"


def counted(code: str, count: int, lang: str = DEFAULT_LANG) -> str:
    """``count_errors`` for 2 → ``2 kesalahan`` / ``2 errors``."""
    return message(code, lang, count=count)
