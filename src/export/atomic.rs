//! Writing a whole file or nothing: a temporary file in the target's folder,
//! synced, then renamed over the target. On error the temporary file is removed
//! and the target is left as it was.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Calls `write` with a buffered temporary file and, if it succeeds, moves the
/// file to `path` (replacing any file there).
pub fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<T>,
) -> Result<T> {
    if path.is_dir() {
        return Err(Error::OutputIsAFolder {
            path: path.to_path_buf(),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".gardefou-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(|e| crate::store::write_error(folder, Error::Io(e)))?;
    // A full disk or a read-only folder is told as such, naming the file.
    let value = (|| {
        let mut out = BufWriter::with_capacity(1 << 16, temp.reopen()?);
        let value = write(&mut out)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(value)
    })()
    .map_err(|e| crate::store::write_error(path, e))?;
    temp.persist(path)
        .map_err(|e| crate::store::write_error(path, Error::Io(e.error)))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomically(&path, |f| Ok(f.write_all(b"a,b\r\n")?)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\r\n");

        // A failure midway leaves the previous file and no temporary file.
        let failed: Result<()> = write_atomically(&path, |f| {
            f.write_all(b"half")?;
            Err(Error::ZeroLength)
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\r\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);

        // Nothing is created when the first export fails.
        let fresh = dir.path().join("fresh.csv");
        let _ = write_atomically(&fresh, |_| -> Result<()> { Err(Error::ZeroLength) });
        assert!(!fresh.exists());
    }
}
