/// Made-up Chinese names for generated students and teachers.
///
/// Common surnames and given-name characters, so that rosters and reports look like a real
/// school's. Names repeat across a large school, as they do in life; ids are what identify people.
enum PersonNames {
  static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
  ).map(String.init)
  static let givenCharacters = Array(
    "子梓浩宇轩欣怡涵一诺然博文思雨辰泽晨睿佳嘉琪明俊杰雅婷心悦语彤皓昕锦沐煜安乐书杨晓星天凡紫景铭亦可晴楠瑶熙宁航伟芳丽敏静磊强"
  ).map(String.init)

  /// A surname and one or two given-name characters.
  static func random(using rng: inout SplitMix64) -> String {
    let given = (0..<rng.int(1...2)).map { _ in rng.pick(givenCharacters) }.joined()
    return rng.pick(surnames) + given
  }
}
