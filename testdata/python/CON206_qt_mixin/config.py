"""A plain-Python mixin that windows inherit beside their Qt base."""


class ConfigAccessor:
    def set_conf(self, option, value):
        self._conf = {option: value}
