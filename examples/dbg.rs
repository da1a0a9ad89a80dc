fn main() {
    let xml = b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST><ASSET><ID>1</ID><OS>\xe9</OS></ASSET></ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>";
    for e in qualys_sem::Parser::new(xml) {
        println!("{e:?}");
    }
    println!("{}", xml.iter().position(|&b| b == 0xe9).unwrap());
}
